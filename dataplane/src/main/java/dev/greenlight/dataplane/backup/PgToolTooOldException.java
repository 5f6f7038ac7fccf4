package dev.greenlight.dataplane.backup;

/**
 * The {@code pg_dump} or {@code pg_restore} found is of an older major version than the server,
 * which it cannot dump or restore into reliably.
 */
public final class PgToolTooOldException extends PgToolUnusableException {
  public PgToolTooOldException(String tool, String message) {
    super(tool, message);
  }
}
