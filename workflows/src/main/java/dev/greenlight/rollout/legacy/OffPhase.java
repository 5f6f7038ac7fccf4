package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.OffTraffic;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutWording;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.validator.ValidationMode;

/**
 * Mode {@code off} for at least its minimum duration and until every endpoint has seen enough
 * requests; the unknown fraction then is recorded as the baseline, and the mode moves to warn.
 */
final class OffPhase {
  private OffPhase() {}

  /** One step of the phase: a wait, or a read and maybe the move to WARN. */
  static void tick(RolloutContext c) {
    OffTraffic.awaitEnough(c, false).ifPresent(traffic -> leave(c, traffic));
  }

  /** Records the baseline (a failed read is said in the transition), flips to warn. */
  private static void leave(RolloutContext c, OffTraffic traffic) {
    InstantReading baseline =
        c.activities.gates().readInstant(traffic.baselineRequest(c.plan.off()));
    Double fraction = Double.isNaN(baseline.value()) ? null : baseline.value();
    c.state.gates.baselineUnknownFraction = fraction;
    c.record(
        traffic.collected(
            fraction == null
                ? "unavailable (" + baseline.error() + ")"
                : RolloutWording.percent(fraction)));
    c.flip(ValidationMode.WARN, 0, "off phase complete");
    c.enter(Phase.WARN, "counting unknown stages; nothing is rejected");
    GreenWindow.open(c.state, c.now());
  }
}
