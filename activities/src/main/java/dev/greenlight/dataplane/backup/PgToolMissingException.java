package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/** {@code pg_dump} or {@code pg_restore} is not where the configuration or PATH says to look. */
public final class PgToolMissingException extends DataPlaneException {
  public PgToolMissingException(String message) {
    super(message);
  }
}
