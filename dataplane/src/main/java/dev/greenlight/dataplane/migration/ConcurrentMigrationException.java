package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * Another process advanced or stopped the same run's checkpoint while this one was mid-batch; this
 * batch was rolled back, so nothing was done twice.
 */
public final class ConcurrentMigrationException extends DataPlaneException {
  public ConcurrentMigrationException(String message) {
    super(message);
  }

  public ConcurrentMigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
