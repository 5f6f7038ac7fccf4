package dev.greenlight.metrics;

/**
 * A Prometheus connection setting that cannot be used: a file that is missing or unreadable, a
 * header without a colon, two kinds of credentials at once. The message names the setting and the
 * rule, and never carries a secret.
 */
public final class InvalidPrometheusSettingException extends IllegalArgumentException {
  public InvalidPrometheusSettingException(String message) {
    super(message);
  }
}
