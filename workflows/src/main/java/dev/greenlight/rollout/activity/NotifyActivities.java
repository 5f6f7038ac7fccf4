package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Posts a rollout's notifications to webhooks. A delivery that fails is retried by Temporal within
 * a bounded budget; one that fails for good is counted in the rollout's status and never changes
 * what the rollout does.
 */
@ActivityInterface
public interface NotifyActivities {
  /** Non-retryable: the sink's URL or secret is missing or malformed on this worker. */
  String FAILURE_MISCONFIGURED = "NotifySinkMisconfigured";

  /** Non-retryable: the receiver refused the request (a 4xx other than 408 and 429). */
  String FAILURE_REFUSED = "NotifyRefused";

  /** Retried: the receiver could not be reached, timed out, or answered 408, 429 or 5xx. */
  String FAILURE_UNAVAILABLE = "NotifyUnavailable";

  /**
   * @throws io.temporal.failure.ApplicationFailure typed {@link #FAILURE_MISCONFIGURED} or {@link
   *     #FAILURE_REFUSED} when a retry cannot help; any other failure is retried
   */
  @ActivityMethod
  void deliver(NotificationDelivery delivery);
}
