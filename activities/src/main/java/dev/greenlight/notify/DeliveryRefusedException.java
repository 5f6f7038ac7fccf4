package dev.greenlight.notify;

/** The receiver answered with a status a retry will not change (a 3xx, or a 4xx but 408/429). */
public final class DeliveryRefusedException extends NotifyException {
  public DeliveryRefusedException(String message) {
    super(message);
  }
}
