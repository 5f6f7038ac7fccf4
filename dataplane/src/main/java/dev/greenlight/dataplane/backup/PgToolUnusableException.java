package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * A {@code pg_dump} or {@code pg_restore} the backup needs cannot be used: it is missing ({@link
 * PgToolMissingException}) or older than the server ({@link PgToolTooOldException}). Either way the
 * operator must install or point at another tool, so callers that treat both alike catch this.
 */
public abstract sealed class PgToolUnusableException extends DataPlaneException
    permits PgToolMissingException, PgToolTooOldException {
  private final String tool;

  PgToolUnusableException(String tool, String message) {
    super(message);
    this.tool = tool;
  }

  /** The tool concerned: {@code pg_dump} or {@code pg_restore}. */
  public String tool() {
    return tool;
  }
}
