/**
 * Delivery of a rollout's notifications to webhooks: where a sink's URL and secret come from
 * ({@link dev.greenlight.notify.SinkSettings}), the bodies ({@link
 * dev.greenlight.notify.NotificationPayloads}), Standard Webhooks signatures ({@link
 * dev.greenlight.notify.WebhookSignature}) and the POST ({@link
 * dev.greenlight.notify.WebhookPoster}). The activity that ties them together is {@code
 * dev.greenlight.rollout.NotifyActivitiesImpl}.
 */
package dev.greenlight.notify;
