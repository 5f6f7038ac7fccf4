package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/** {@code pg_dump} failed or timed out, or the dump could not be written; no manifest exists. */
public final class BackupFailedException extends DataPlaneException {
  public BackupFailedException(String message) {
    super(message);
  }

  public BackupFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
