package dev.greenlight.notify;

/** The sink's URL or secret is missing or malformed on this worker: a retry cannot help. */
public final class SinkMisconfiguredException extends NotifyException {
  public SinkMisconfiguredException(String message) {
    super(message);
  }
}
