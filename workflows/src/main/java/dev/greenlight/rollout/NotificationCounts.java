package dev.greenlight.rollout;

/**
 * How a rollout's notifications fared, as the {@code status} query reports it.
 *
 * @param sent deliveries scheduled (one per notification and sink); those neither delivered nor
 *     failed are still being tried
 * @param delivered deliveries a receiver accepted
 * @param failed deliveries that failed for good after their retries; the rollout went on regardless
 * @param lastFailure the last failure (sink, notification id, why), or null
 */
public record NotificationCounts(long sent, long delivered, long failed, String lastFailure) {
  /** Deliveries still being tried. */
  public long inFlight() {
    return sent - delivered - failed;
  }
}
