package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * The {@code pg_dump} or {@code pg_restore} found is of an older major version than the server,
 * which it cannot dump or restore into reliably.
 */
public final class PgToolTooOldException extends DataPlaneException {
  private final String tool;

  public PgToolTooOldException(String tool, String message) {
    super(message);
    this.tool = tool;
  }

  /** The tool that was found too old: {@code pg_dump} or {@code pg_restore}. */
  public String tool() {
    return tool;
  }
}
