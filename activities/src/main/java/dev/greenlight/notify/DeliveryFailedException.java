package dev.greenlight.notify;

/** The receiver could not be reached, timed out, or answered 408, 429 or 5xx: worth a retry. */
public final class DeliveryFailedException extends NotifyException {
  public DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
