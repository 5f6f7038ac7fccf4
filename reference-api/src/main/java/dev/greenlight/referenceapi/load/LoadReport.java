package dev.greenlight.referenceapi.load;

import java.util.Map;

/**
 * What a {@link LoadGenerator} run saw.
 *
 * @param requests requests sent, answered or not
 * @param transportErrors requests that got no HTTP answer (refused, reset, timed out)
 * @param statusCounts answers by HTTP status
 * @param consumers per consumer key: what happened to the unknown stage values it sent
 * @param stoppedBy which bound ended the run
 */
public record LoadReport(
    long requests,
    long transportErrors,
    long elapsedNanos,
    Map<Integer, Long> statusCounts,
    Map<String, ConsumerOutcome> consumers,
    StopReason stoppedBy) {

  /** Which bound ended a run. */
  public enum StopReason {
    COUNT,
    TIME
  }

  /**
   * One consumer's unknown values: how many it sent, how many were rejected (422) and how many
   * accepted (2xx). Known values are never rejected, so they do not show enforcement.
   */
  public record ConsumerOutcome(long unknownSent, long unknownRejected, long unknownAccepted) {
    /** Whether any unknown value of this consumer was rejected: it is inside the canary. */
    public boolean enforced() {
      return unknownRejected > 0;
    }

    /** Whether every unknown value got the same decision: all rejected or all accepted. */
    public boolean sticky() {
      return unknownRejected == 0 || unknownAccepted == 0;
    }
  }

  public long count(int status) {
    return statusCounts.getOrDefault(status, 0L);
  }

  /** Answers with a status of 500 or more. */
  public long serverErrors() {
    return statusCounts.entrySet().stream()
        .filter(e -> e.getKey() >= 500)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Requests per second over the whole run. */
  public double throughput() {
    return requests / (elapsedNanos / 1e9);
  }

  /** Of the consumers that sent unknown values, the share (0–1) with any rejected. */
  public double enforcedConsumerShare() {
    long sent = consumers.values().stream().filter(c -> c.unknownSent() > 0).count();
    long enforced = consumers.values().stream().filter(ConsumerOutcome::enforced).count();
    return sent == 0 ? 0 : (double) enforced / sent;
  }

  @Override
  public String toString() {
    return String.format(
        "%d requests in %.2f s (%.0f/s), stopped by %s, statuses %s, transport errors %d,"
            + " %d consumers, %.1f %% enforced",
        requests,
        elapsedNanos / 1e9,
        throughput(),
        stoppedBy,
        statusCounts,
        transportErrors,
        consumers.size(),
        enforcedConsumerShare() * 100);
  }
}
