package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * The {@code pg_dump} or {@code pg_restore} found is of an older major version than the server,
 * which it cannot dump or restore into reliably.
 */
public final class PgToolTooOldException extends DataPlaneException {
  public PgToolTooOldException(String message) {
    super(message);
  }
}
