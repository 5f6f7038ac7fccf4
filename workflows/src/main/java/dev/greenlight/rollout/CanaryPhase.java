package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.PauseCause;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.CanarySpec;
import dev.greenlight.rollout.plan.CanaryStep;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Canary ENFORCE, step by step, then the 100 % soak.
 *
 * <ul>
 *   <li>A step starts with the ENFORCE flip, once the step's own gates read; a flip from a mode
 *       other than ENFORCE (the first step, a retry, a step re-entered after a failure) needs a
 *       fresh green WARN verdict first ({@link WarnVerdict}).
 *   <li>Every poll reads each gate over the trailing window. A breach rule rolls back at once,
 *       paused or not.
 *   <li>A step is promoted once its minimum duration has passed (or a promote command skipped it)
 *       and every gate is green on its own ({@link GateWindows}) — unless a gate's mean over the
 *       window regressed past the plan's ratio against the previous step's, which holds the
 *       promotion. A forced promotion skips the gates.
 *   <li>While paused the gates are still read and breaches still roll back; nothing is promoted.
 *       Failed reads in a row pause the rollout and, because ENFORCE must not run blind, downgrade
 *       to warn; once reads succeed the step is entered again.
 * </ul>
 */
final class CanaryPhase {
  private CanaryPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    if (!s.canary.stepStarted) {
      startStep(c);
      return;
    }
    if (CanarySteps.waitForPoll(c)) {
      return;
    }
    CanarySpec spec = c.plan.canary();
    boolean soak = CanarySteps.soak(c);
    long now = c.now();
    long window = CanarySteps.windowMillis(c);
    List<GateSummary> read = c.readGates(spec.gates(), now - window, now);
    if (CanarySteps.rolledBackOnBreach(c, read)) {
      return;
    }
    if (s.gates.consecutiveGateErrors >= c.plan.maxConsecutiveGateErrors()) {
      // Blind, whether the reads paused the rollout or a person had paused it already.
      goBlind(c);
      return;
    }
    boolean green = GateWindows.observe(s, spec.gates(), read, now, window);
    PromoteInput promote = s.steering.promoteRequested;
    s.steering.promoteRequested = null;
    if (s.steering.paused) {
      if (promote != null) {
        c.record("promote by " + promote.who() + " not applied: the rollout is paused");
      }
      return;
    }
    if (soak) {
      if (green && c.stillEnforcing()) {
        s.canary.stepStarted = false;
        s.warnExit.start(c.now());
        c.enter(Phase.WARN_EXIT, "soak: every gate green for " + GateWindows.minutes(window));
      }
      return;
    }
    CanaryStep step = spec.steps().get(s.canary.canaryStep);
    if (promote != null && promote.force()) {
      promote(c, step, read, "forced by " + promote.who() + ": " + promote.why());
      return;
    }
    boolean minDone = now - s.canary.stepStartedAtMillis >= step.minDuration().toMillis();
    if (!green || !(minDone || promote != null)) {
      if (promote != null) {
        c.record(
            "promote by "
                + promote.who()
                + " not applied: the gates are not green ("
                + GateWindows.notGreen(s)
                + ")");
      }
      return;
    }
    String regression =
        GateVerdicts.regression(read, s.canary.previousStepMeans, spec.maxRegressionRatio());
    if (regression != null) {
      if (s.canary.promotionHeld == null) {
        c.record(
            "promotion held: "
                + regression
                + "; it goes ahead once the window's mean is back, or force it");
      }
      s.canary.promotionHeld = regression;
      return;
    }
    String greenFor = "every gate green for " + GateWindows.minutes(GateWindows.greenFor(s, now));
    // A promote command skips the step's minimum, never its gates: say so, so that whoever reads
    // the transitions (status, the fuzz oracle) knows why the step was shorter than its minimum.
    promote(
        c,
        step,
        read,
        minDone ? greenFor : EARLY + promote.who() + " (" + promote.why() + "), " + greenFor);
  }

  /** How a promotion before the step's minimum, asked for by a person, is recorded. */
  static final String EARLY = "before its minimum, asked by ";

  /**
   * Flips ENFORCE for the current step and starts every gate's window — only where ENFORCE can be
   * watched and, coming from another mode, on a fresh WARN verdict. Until then the rollout holds
   * (in warn, when coming from warn), polls, and status says why. A flip that fails for good leaves
   * the mode unknown: the rollout downgrades to warn and pauses, and resuming enters the step
   * again.
   */
  private static void startStep(RolloutContext c) {
    RolloutState s = c.state;
    int percent = CanarySteps.percent(c);
    String held = entryHeld(c);
    if (held != null) {
      if (s.canary.enforceHeld == null) {
        c.record(
            (s.mode == ValidationMode.ENFORCE
                    ? "ENFORCE " + percent + "% held: "
                    : "ENFORCE held in warn: ")
                + held);
      }
      s.canary.enforceHeld = held;
      c.refreshDetails();
      c.sleep(c.plan.pollInterval(), "holding ENFORCE " + percent + "%");
      return;
    }
    if (s.canary.enforceHeld != null) {
      c.record(
          s.mode == ValidationMode.ENFORCE
              ? "ENFORCE " + percent + "% no longer held: the step's gates read again"
              : "fresh WARN verdict green: "
                  + c.plan.warn().unknownRate().name()
                  + " green over the last "
                  + GateWindows.minutes(c.plan.warn().window().toMillis())
                  + ", no block");
      s.canary.enforceHeld = null;
    }
    try {
      if (!c.enterEnforce(percent, CanarySteps.entryReason(c))) {
        return;
      }
    } catch (ActivityFailure e) {
      String failure = "flip to enforce " + percent + "% failed for good: " + Failures.describe(e);
      c.downgrade(failure);
      c.pause(
          PauseCause.FAILURE,
          failure
              + (s.downgrade.pendingDowngrade == null
                  ? "; the mode is back to warn"
                  : "; the downgrade to warn is being retried")
              + "; resume to enter the step again");
      return;
    }
    s.canary.startStep(c.now());
    s.gates.lastReadToMillis = c.now();
    GateWindows.restart(s, c.plan.canary().gates(), c.now());
  }

  /**
   * Why ENFORCE may not be entered now, or null. The step's own gates must read (ENFORCE never
   * starts blind); from another mode, the WARN verdict must be fresh and green. A pause for failed
   * reads lifts only when both reads succeed: lifting on either alone would let the two take turns
   * pausing and resuming the rollout.
   */
  private static String entryHeld(RolloutContext c) {
    RolloutState s = c.state;
    long now = c.now();
    List<GateSummary> own =
        c.readGates(c.plan.canary().gates(), now - c.plan.canary().window().toMillis(), now, false);
    String unreadable = GateVerdicts.anyError(own) ? "the step's gates cannot be read" : null;
    String warn = s.mode == ValidationMode.ENFORCE ? null : WarnVerdict.held(c);
    if (unreadable == null && (warn == null || !warn.startsWith(WarnVerdict.UNREADABLE))) {
      c.liftMetricsPause();
    }
    if (unreadable != null) {
      return unreadable;
    }
    if (warn != null) {
      return warn;
    }
    return s.steering.paused ? "the rollout is paused (" + s.steering.pauseReason + ")" : null;
  }

  /**
   * Gates unreadable in ENFORCE: downgrade rather than enforce blind; the step is entered again.
   */
  private static void goBlind(RolloutContext c) {
    c.state.canary.leaveStep();
    c.downgrade("gates unreadable: ENFORCE off until they can be read again");
  }

  private static void promote(
      RolloutContext c, CanaryStep step, List<GateSummary> read, String why) {
    RolloutState s = c.state;
    s.canary.promoted(means(read));
    if (s.canary.canaryStep + 1 < c.plan.canary().steps().size()) {
      s.canary.canaryStep++;
      c.record("step " + step.percent() + "% promoted: " + why, NotifyEvent.PROMOTED);
    } else {
      c.enter(Phase.SOAK, "step " + step.percent() + "% promoted: " + why);
    }
  }

  /** Each gate's mean over the trailing window read at promotion: the next step's baseline. */
  private static LinkedHashMap<String, Double> means(List<GateSummary> read) {
    LinkedHashMap<String, Double> means = new LinkedHashMap<>();
    for (GateSummary g : read) {
      if (g.outcome() == GateSummary.Outcome.DATA && !Double.isNaN(g.mean())) {
        means.put(g.gate(), g.mean());
      }
    }
    return means;
  }
}
