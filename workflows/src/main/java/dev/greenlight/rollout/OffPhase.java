package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.OffSpec;
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
    OffSpec spec = c.plan.off();
    OffTraffic traffic = OffTraffic.read(c);
    if (traffic == null) {
      return;
    }
    if (!traffic.enough(spec) || c.state.steering.paused) {
      c.sleep(c.plan.pollInterval(), "off: waiting for traffic");
      return;
    }
    GateSummary requests = traffic.requests();
    long now = traffic.readAtMillis();
    c.state.gates.baselineUnknownFraction = readBaseline(c, spec, now);
    c.record(
        "traffic collected: quietest endpoint saw "
            + (long) requests.lastValue()
            + " requests; baseline unknown rate "
            + (c.state.gates.baselineUnknownFraction == null
                ? "unavailable"
                : RolloutWording.percent(c.state.gates.baselineUnknownFraction)));
    c.flip(ValidationMode.WARN, 0, "off phase complete");
    c.enter(Phase.WARN, "counting unknown stages; nothing is rejected");
    GateWindows.restart(c.state, List.of(c.plan.warn().unknownRate()), c.now());
  }

  /** The baseline is information, not a gate: a failed read is recorded and the rollout goes on. */
  private static Double readBaseline(RolloutContext c, OffSpec spec, long now) {
    try {
      InstantReading baseline =
          c.activities
              .gates()
              .readInstant(
                  new InstantRequest("unknown-baseline", spec.unknownBaselineQuery(), now));
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
