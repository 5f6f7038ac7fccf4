package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.CanarySteps;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.PromoteInput;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.CanarySpec;
import dev.greenlight.rollout.plan.CanaryStep;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Canary ENFORCE, step by step, then the 100 % soak. A step is promoted once its minimum duration
 * has passed (or a promote command skipped it) and every gate has been green for the window; a
 * breach rule rolls back at once. The soak is a window as long as the soak itself.
 */
final class CanaryPhase {
  private CanaryPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    CanarySpec spec = c.plan.canary();
    boolean soak = CanarySteps.soak(c);
    if (!s.canary.stepStarted) {
      c.flip(ValidationMode.ENFORCE, CanarySteps.percent(c), CanarySteps.entryReason(c));
      s.canary.stepStarted = true;
      s.canary.stepStartedAtMillis = c.now();
      s.canary.stepMeanSum = new LinkedHashMap<>();
      s.canary.stepMeanCount = new LinkedHashMap<>();
      GreenWindow.open(s, c.now());
      return;
    }
    if (CanarySteps.waitForPoll(c)) {
      return;
    }
    long now = c.now();
    List<GateSummary> read = c.readGates(spec.gates(), s.gates.lastReadToMillis, now);
    if (CanarySteps.rolledBackOnBreach(c, read)) {
      return;
    }
    GreenWindow.observe(s, read, now);
    accumulateMeans(s, read);
    long windowMillis = CanarySteps.windowMillis(c);
    boolean green = GreenWindow.isGreen(s, now, windowMillis);
    String regression =
        green && !soak
            ? GateVerdicts.regression(read, s.canary.previousStepMeans, spec.maxRegressionRatio())
            : null;
    if (regression != null) {
      c.rollback("regression from the previous step: " + regression);
      return;
    }
    PromoteInput promote = s.steering.promoteRequested;
    s.steering.promoteRequested = null;
    if (soak) {
      if (green) {
        s.canary.stepStarted = false;
        s.warnExit.warnExitStartedAtMillis = now;
        s.warnExit.warnExitGoodDays = 0;
        c.enter(
            Phase.WARN_EXIT, "soak green for " + Duration.ofMillis(windowMillis).toHours() + "h");
      }
      return;
    }
    CanaryStep step = spec.steps().get(s.canary.canaryStep);
    boolean minDone = now - s.canary.stepStartedAtMillis >= step.minDuration().toMillis();
    if ((green && (minDone || promote != null)) || (promote != null && promote.force())) {
      String why =
          green
              ? "gates green for "
                  + Duration.ofMillis(GreenWindow.greenFor(s, now)).toMinutes()
                  + "m"
              : "forced by " + promote.who() + ": " + promote.why();
      s.canary.previousStepMeans = means(s);
      s.canary.stepStarted = false;
      if (s.canary.canaryStep + 1 < spec.steps().size()) {
        s.canary.canaryStep++;
        c.record("step " + step.percent() + "% promoted: " + why);
      } else {
        c.enter(Phase.SOAK, "step " + step.percent() + "% promoted: " + why);
      }
    } else if (promote != null) {
      c.record("promote by " + promote.who() + " not applied: the gates are no longer green");
    }
  }

  private static void accumulateMeans(RolloutState s, List<GateSummary> read) {
    for (GateSummary g : read) {
      if (g.outcome() == GateSummary.Outcome.DATA && !Double.isNaN(g.mean())) {
        s.canary.stepMeanSum.merge(g.gate(), g.mean() * g.samplesPresent(), Double::sum);
        s.canary.stepMeanCount.merge(g.gate(), (long) g.samplesPresent(), Long::sum);
      }
    }
  }

  private static LinkedHashMap<String, Double> means(RolloutState s) {
    LinkedHashMap<String, Double> means = new LinkedHashMap<>();
    s.canary.stepMeanSum.forEach(
        (gate, sum) -> {
          long n = s.canary.stepMeanCount.getOrDefault(gate, 0L);
          if (n > 0) {
            means.put(gate, sum / n);
          }
        });
    return means;
  }
}
