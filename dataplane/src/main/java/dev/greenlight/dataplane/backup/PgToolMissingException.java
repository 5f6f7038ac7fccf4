package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/** {@code pg_dump} or {@code pg_restore} is not where the configuration or PATH says to look. */
public final class PgToolMissingException extends DataPlaneException {
  private final String tool;

  public PgToolMissingException(String tool, String message) {
    super(message);
    this.tool = tool;
  }

  /** The tool that was looked for: {@code pg_dump} or {@code pg_restore}. */
  public String tool() {
    return tool;
  }
}
