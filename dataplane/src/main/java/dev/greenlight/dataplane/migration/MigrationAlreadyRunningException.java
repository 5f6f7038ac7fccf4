package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;

/** The run is being applied right now by another session (it holds the run's advisory lock). */
public final class MigrationAlreadyRunningException extends DataPlaneException {
  public MigrationAlreadyRunningException(String message) {
    super(message);
  }

  public MigrationAlreadyRunningException(String message, Throwable cause) {
    super(message, cause);
  }
}
