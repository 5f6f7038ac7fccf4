package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;
import java.util.List;

/**
 * Mode {@code off} for at least its minimum duration and until every endpoint has seen enough
 * requests; the unknown fraction the validator measured in shadow is then recorded as the baseline,
 * and the mode moves to warn.
 */
final class OffPhase {
  private OffPhase() {}

  /** One step of the phase: a wait, or a read and maybe the move to WARN. */
  static void tick(RolloutContext c) {
    OffTraffic.awaitEnough(c, true).ifPresent(traffic -> leave(c, traffic));
  }

  /** Records the baseline, flips to warn and starts the unknown rate's window. */
  private static void leave(RolloutContext c, OffTraffic traffic) {
    Double baseline = readBaseline(c, traffic);
    c.state.gates.baselineUnknownFraction = baseline;
    c.record(
        traffic.collected(baseline == null ? "unavailable" : RolloutWording.percent(baseline)));
    c.flip(ValidationMode.WARN, 0, "off phase complete");
    c.enter(Phase.WARN, "counting unknown stages; nothing is rejected");
    GateWindows.restart(c.state, List.of(c.plan.warn().unknownRate()), c.now());
  }

  /** The baseline is information, not a gate: a failed read is recorded and the rollout goes on. */
  private static Double readBaseline(RolloutContext c, OffTraffic traffic) {
    try {
      InstantReading baseline =
          c.activities.gates().readInstant(traffic.baselineRequest(c.plan.off()));
      if (Double.isNaN(baseline.value())) {
        c.record("baseline unknown rate unavailable: " + baseline.error());
        return null;
      }
      return baseline.value();
    } catch (ActivityFailure e) {
      c.record("baseline unknown rate unavailable: " + Failures.describe(e));
      return null;
    }
  }
}
