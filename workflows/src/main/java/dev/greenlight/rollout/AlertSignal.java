package dev.greenlight.rollout;

/**
 * An alert that asks the rollout to downgrade, as the ops webhook forwards it from Alertmanager.
 *
 * @param alertName the alert's {@code alertname} label
 * @param fingerprint Alertmanager's fingerprint of the alert
 * @param summary the alert's summary annotation, if any
 * @param startsAt when the alert started firing, RFC 3339
 * @param modeAlreadyWritten whether the webhook already wrote {@code warn} to Redis
 */
public record AlertSignal(
    String alertName,
    String fingerprint,
    String summary,
    String startsAt,
    boolean modeAlreadyWritten) {}
