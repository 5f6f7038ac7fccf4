package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * A restore test did not pass: {@code pg_restore} failed, a smoke query disagreed with the
 * manifest, or it all took longer than the limit. The scratch database it used, if it got that far,
 * has been dropped.
 */
public final class RestoreTestFailedException extends DataPlaneException {
  private final String scratchDatabase;

  public RestoreTestFailedException(String message) {
    this(message, null, null);
  }

  public RestoreTestFailedException(String message, String scratchDatabase, Throwable cause) {
    super(message, cause);
    this.scratchDatabase = scratchDatabase;
  }

  /** The scratch database the test created and dropped; null when it failed before creating one. */
  public String scratchDatabase() {
    return scratchDatabase;
  }
}
