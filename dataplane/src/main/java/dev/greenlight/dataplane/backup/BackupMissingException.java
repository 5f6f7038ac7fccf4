package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/** A backup file or its manifest is not where it was said to be. */
public final class BackupMissingException extends DataPlaneException {
  public BackupMissingException(String message) {
    super(message);
  }
}
