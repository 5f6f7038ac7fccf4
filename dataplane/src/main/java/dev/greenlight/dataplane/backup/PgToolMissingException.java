package dev.greenlight.dataplane.backup;

/** {@code pg_dump} or {@code pg_restore} is not where the configuration or PATH says to look. */
public final class PgToolMissingException extends PgToolUnusableException {
  public PgToolMissingException(String tool, String message) {
    super(tool, message);
  }
}
