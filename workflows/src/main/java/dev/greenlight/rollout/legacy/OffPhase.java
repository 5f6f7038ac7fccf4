package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.OffTraffic;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutWording;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.OffSpec;
import dev.greenlight.validator.ValidationMode;

/**
 * Mode {@code off} for at least its minimum duration and until every endpoint has seen enough
 * requests; the unknown fraction then is recorded as the baseline, and the mode moves to warn.
 */
final class OffPhase {
  private OffPhase() {}

  /** One step of the phase: a wait, or a read and maybe the move to WARN. */
  static void tick(RolloutContext c) {
    OffSpec spec = c.plan.off();
    OffTraffic traffic = OffTraffic.read(c);
    if (traffic == null) {
      return;
    }
    if (!traffic.enough(spec)) {
      c.sleep(c.plan.pollInterval(), "off: waiting for traffic");
      return;
    }
    GateSummary requests = traffic.requests();
    long now = traffic.readAtMillis();
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
