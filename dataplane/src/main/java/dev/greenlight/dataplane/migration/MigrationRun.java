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
    long batches,
    long rowsScanned,
    long rowsUpdated,
    long rowsUnmappable,
    long rowsNull,
    String lastError,
    long startedAt,
    long updatedAt,
    Long finishedAt) {}
