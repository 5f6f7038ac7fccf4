package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.OffSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The traffic reading that lets mode {@code off} end, taken alike in both loops: nothing before the
 * phase's minimum duration, then the quietest endpoint's request count over one step, polled until
 * every endpoint has seen enough.
 *
 * @param requests the request-count gate's summary
 * @param readAtMillis the end of the read window, which the baseline read that follows uses too
 */
public record OffTraffic(GateSummary requests, long readAtMillis) {
  /**
   * Sleeps out the minimum duration, or reads the traffic and, when it is not yet enough, sleeps
   * one poll interval.
   *
   * @param holdWhilePaused whether a paused rollout stays in off even with enough traffic (today's
   *     loop, where a pause for failed reads keeps reading; the legacy loop did not ask)
   * @return empty when the step ended with a wait
   */
  public static Optional<OffTraffic> awaitEnough(PhaseContext c, boolean holdWhilePaused) {
    OffSpec spec = c.plan.off();
    long minEnd = c.state.phaseStartedAtMillis + spec.minDuration().toMillis();
    if (c.now() < minEnd) {
      c.sleep(Duration.ofMillis(minEnd - c.now()), "off: minimum duration");
      return Optional.empty();
    }
    long now = c.now();
    List<GateSummary> read =
        c.readGates(
            List.of(spec.requestsPerEndpoint()),
            now - spec.requestsPerEndpoint().step().toMillis(),
            now);
    OffTraffic traffic = new OffTraffic(read.get(0), now);
    if (!traffic.enough(spec) || (holdWhilePaused && c.state.steering.paused)) {
      c.sleep(c.plan.pollInterval(), "off: waiting for traffic");
      return Optional.empty();
    }
    return Optional.of(traffic);
  }

  /** Whether every endpoint has seen enough requests; a failed read never is enough. */
  public boolean enough(OffSpec spec) {
    return requests.outcome() == GateSummary.Outcome.DATA
        && spec.requestsPerEndpoint().isGreen(requests.lastValue());
  }

  /** The read of the unknown fraction measured in shadow, at the end of the traffic read. */
  public InstantRequest baselineRequest(OffSpec spec) {
    return new InstantRequest("unknown-baseline", spec.unknownBaselineQuery(), readAtMillis);
  }

  /** The transition that ends the phase, with the baseline as each loop words it. */
  public String collected(String baseline) {
    return "traffic collected: quietest endpoint saw "
        + (long) requests.lastValue()
        + " requests; baseline unknown rate "
        + baseline;
  }
}
