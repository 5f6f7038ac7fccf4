package dev.greenlight.validator;

/**
 * A compare-and-set that lost: the version the writer expected is no longer the stored one, so
 * nothing was written. Read again and decide anew.
 */
public final class StaleModeVersionException extends ModeStoreException {
  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long currentVersion;

  public StaleModeVersionException(String surface, long expectedVersion, long currentVersion) {
    super(
        "mode version "
            + expectedVersion
            + " is stale, current is "
            + currentVersion
            + " (surface "
            + surface
            + ")");
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
