package dev.greenlight.validator;

/**
 * A mode store operation that did not complete: the base of every failure {@link ModeStore} and
 * {@link ModeResolver} report. Unchecked, because a caller can rarely do more than report it.
 */
public class ModeStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModeStoreException(String message) {
    super(message);
  }

  public ModeStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
