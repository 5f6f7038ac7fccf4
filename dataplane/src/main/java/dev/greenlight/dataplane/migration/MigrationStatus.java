package dev.greenlight.dataplane.migration;

/** Where a run stands, as stored in {@code stage_migration_control.status}. */
public enum MigrationStatus {
  /** Being applied now, or its process died mid-run: resumable either way. */
  RUNNING("running"),
  /** Stopped between batches on request (pause or cancel): resumable. */
  STOPPED("stopped"),
  /** A batch failed; nothing of it was committed: resumable once the cause is fixed. */
  FAILED("failed"),
  /** Every row up to the end of the table was scanned. */
  COMPLETED("completed");

  private final String dbValue;

  MigrationStatus(String dbValue) {
    this.dbValue = dbValue;
  }

  public String dbValue() {
    return dbValue;
  }

  static MigrationStatus fromDb(String value) {
    for (MigrationStatus status : values()) {
      if (status.dbValue.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown migration status '" + value + "'");
  }
}
