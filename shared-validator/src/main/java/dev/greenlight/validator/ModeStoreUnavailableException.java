package dev.greenlight.validator;

/**
 * Redis could not be reached or did not answer in time, so the operation may or may not have taken
 * effect. Retrying is safe: writes are compare-and-set, so a retry that finds its own write done
 * fails as stale instead of writing twice.
 */
public final class ModeStoreUnavailableException extends ModeStoreException {
  private static final long serialVersionUID = 1L;

  public ModeStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
