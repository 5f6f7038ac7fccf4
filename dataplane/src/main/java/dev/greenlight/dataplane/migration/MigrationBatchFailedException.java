package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * A batch failed for a reason retrying cannot fix (a lost connection, a constraint, a bug); nothing
 * of it was committed and the checkpoint is where it was.
 */
public final class MigrationBatchFailedException extends DataPlaneException {
  public MigrationBatchFailedException(String message) {
    super(message);
  }

  public MigrationBatchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
