package dev.greenlight.dataplane;

/**
 * The unchecked base of every failure the data plane reports: schema, seeding, backup, restore test
 * and stage migration.
 *
 * <p>Subclasses are named for what happened ({@code BackupChecksumMismatchException}, {@code
 * MissingBackupEvidenceException}, …) and live in the package that throws them, so an activity can
 * decide what is retryable by type. Messages carry the offending value and the rule it broke.
 */
public class DataPlaneException extends RuntimeException {
  public DataPlaneException(String message) {
    super(message);
  }

  public DataPlaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
