package dev.greenlight.dataplane.migration;

/**
 * One row of {@code stage_migration_control}: a run's checkpoint and totals. Times are epoch
 * milliseconds; {@code finishedAt} and {@code resumedFrom} may be null.
 */
public record MigrationRun(
    String runId,
    MigrationStatus status,
    long lastId,
    Long resumedFrom,
    RunTotals totals,
    String lastError,
    long startedAt,
    long updatedAt,
    Long finishedAt) {

  /** What the run's committed batches did, over all its calls. */
  public record RunTotals(
      long batches, long rowsScanned, long rowsUpdated, long rowsUnmappable, long rowsNull) {}
}
