package dev.greenlight.notify;

/** Why a notification could not be delivered. Messages never contain a secret or a secret URL. */
public class NotifyException extends RuntimeException {
  public NotifyException(String message) {
    super(message);
  }

  public NotifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
