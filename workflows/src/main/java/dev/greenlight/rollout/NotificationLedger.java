package dev.greenlight.rollout;

/**
 * The rollout's count of its notifications: ids issued, deliveries scheduled, delivered and failed
 * for good, and the last failure. Part of {@link RolloutState}, so the count and the id sequence
 * carry across continue-as-new. Workflow-thread only.
 */
public final class NotificationLedger {
  /** Notifications issued so far; the next one's id carries this plus one. */
  public long sequence;

  /** Deliveries scheduled: one per notification and sink that is sent it. */
  public long sent;

  public long delivered;

  /** Deliveries that failed for good after their retries. */
  public long failed;

  /** The last failure: sink, notification id and why; null when none failed. */
  public String lastFailure;

  long next() {
    return ++sequence;
  }

  void scheduled() {
    sent++;
  }

  void delivered() {
    delivered++;
  }

  void failed(String why) {
    failed++;
    lastFailure = why;
  }

  NotificationCounts counts() {
    return new NotificationCounts(sent, delivered, failed, lastFailure);
  }
}
