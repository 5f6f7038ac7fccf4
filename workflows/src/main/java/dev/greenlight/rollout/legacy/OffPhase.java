package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutWording;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.OffSpec;
import dev.greenlight.validator.ValidationMode;
import java.util.List;

/**
 * Mode {@code off} for at least its minimum duration and until every endpoint has seen enough
 * requests; the unknown fraction then is recorded as the baseline, and the mode moves to warn.
 */
final class OffPhase {
  private OffPhase() {}

  /** One step of the phase: a wait, or a read and maybe the move to WARN. */
  static void tick(RolloutContext c) {
    OffSpec spec = c.plan.off();
    long minEnd = c.state.phaseStartedAtMillis + spec.minDuration().toMillis();
    if (c.now() < minEnd) {
      c.sleep(java.time.Duration.ofMillis(minEnd - c.now()), "off: minimum duration");
      return;
    }
    long now = c.now();
    List<GateSummary> read =
        c.readGates(
            List.of(spec.requestsPerEndpoint()),
            now - spec.requestsPerEndpoint().step().toMillis(),
            now);
    GateSummary requests = read.get(0);
    boolean enough =
        requests.outcome() == GateSummary.Outcome.DATA
            && spec.requestsPerEndpoint().isGreen(requests.lastValue());
    if (!enough || GateVerdicts.anyError(read)) {
      c.sleep(c.plan.pollInterval(), "off: waiting for traffic");
      return;
    }
    InstantReading baseline =
        c.activities
            .gates()
            .readInstant(new InstantRequest("unknown-baseline", spec.unknownBaselineQuery(), now));
    c.state.gates.baselineUnknownFraction =
        Double.isNaN(baseline.value()) ? null : baseline.value();
    c.record(
        "traffic collected: quietest endpoint saw "
            + (long) requests.lastValue()
            + " requests; baseline unknown rate "
            + (c.state.gates.baselineUnknownFraction == null
                ? "unavailable (" + baseline.error() + ")"
                : RolloutWording.percent(c.state.gates.baselineUnknownFraction)));
    c.flip(ValidationMode.WARN, 0, "off phase complete");
    c.enter(Phase.WARN, "counting unknown stages; nothing is rejected");
    GreenWindow.open(c.state, c.now());
  }
}
