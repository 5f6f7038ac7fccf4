package dev.greenlight.rollout;

import dev.greenlight.notify.DeliveryFailedException;
import dev.greenlight.notify.DeliveryRefusedException;
import dev.greenlight.notify.NotificationPayloads;
import dev.greenlight.notify.SinkMisconfiguredException;
import dev.greenlight.notify.SinkSettings;
import dev.greenlight.notify.WebhookPoster;
import dev.greenlight.rollout.activity.NotificationDelivery;
import dev.greenlight.rollout.activity.NotifyActivities;
import dev.greenlight.rollout.plan.NotifySink;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;

/**
 * Delivers a notification to one sink: finds its URL and secret on this worker, renders the body
 * for the sink's kind, signs it when a secret is named, and POSTs it. What a retry cannot fix (a
 * missing secret, a refusal) fails non-retryably, typed as {@link NotifyActivities} names; the rest
 * is retried by Temporal within the workflow's bounded budget.
 *
 * <p>Deliveries are at least once: a receiver that answered after the activity timed out sees the
 * same {@code webhook-id} again. Thread-safe.
 */
public final class NotifyActivitiesImpl implements NotifyActivities {
  private final SinkSettings settings;
  private final NotificationPayloads payloads;
  private final WebhookPoster poster;

  public NotifyActivitiesImpl(
      SinkSettings settings, NotificationPayloads payloads, WebhookPoster poster) {
    this.settings = settings;
    this.payloads = payloads;
    this.poster = poster;
  }

  /**
   * The worker's notifier: secrets from this process's environment and files, its own HTTP client.
   *
   * @param label shown as {@code [label]} in front of Slack texts (a rehearsal's preview), or null
   */
  public static NotifyActivitiesImpl create(String label) {
    return new NotifyActivitiesImpl(
        new SinkSettings(System::getenv),
        new NotificationPayloads(label),
        new WebhookPoster(WebhookPoster.client(), Clock.systemUTC()));
  }

  @Override
  public void deliver(NotificationDelivery delivery) {
    NotifySink sink = delivery.sink();
    String target = "sink " + sink.name() + " (" + SinkSettings.describeTarget(sink) + ")";
    try {
      poster.post(
          settings.url(sink),
          target,
          delivery.notification().id(),
          payloads.body(sink, delivery.notification()),
          settings.signature(sink));
    } catch (SinkMisconfiguredException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "sink " + sink.name() + ": " + e.getMessage(), FAILURE_MISCONFIGURED);
    } catch (DeliveryRefusedException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FAILURE_REFUSED);
    } catch (DeliveryFailedException e) {
      // Retried: the cause's stack adds nothing a release manager can act on.
      throw ApplicationFailure.newFailure(e.getMessage(), FAILURE_UNAVAILABLE);
    }
  }
}
