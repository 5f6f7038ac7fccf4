package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.OffSpec;
import java.time.Duration;
import java.util.List;

/**
 * The traffic reading that lets mode {@code off} end, taken alike in both loops: nothing before the
 * phase's minimum duration, then the quietest endpoint's request count over one step.
 *
 * @param requests the request-count gate's summary
 * @param readAtMillis the end of the read window, which the baseline read that follows uses too
 */
public record OffTraffic(GateSummary requests, long readAtMillis) {
  /**
   * Sleeps out the minimum duration, or reads the traffic.
   *
   * @return null when the step ended with the wait
   */
  public static OffTraffic read(PhaseContext c) {
    OffSpec spec = c.plan.off();
    long minEnd = c.state.phaseStartedAtMillis + spec.minDuration().toMillis();
    if (c.now() < minEnd) {
      c.sleep(Duration.ofMillis(minEnd - c.now()), "off: minimum duration");
      return null;
    }
    long now = c.now();
    List<GateSummary> read =
        c.readGates(
            List.of(spec.requestsPerEndpoint()),
            now - spec.requestsPerEndpoint().step().toMillis(),
            now);
    return new OffTraffic(read.get(0), now);
  }

  /** Whether every endpoint has seen enough requests; a failed read never is enough. */
  public boolean enough(OffSpec spec) {
    return requests.outcome() == GateSummary.Outcome.DATA
        && spec.requestsPerEndpoint().isGreen(requests.lastValue());
  }
}
