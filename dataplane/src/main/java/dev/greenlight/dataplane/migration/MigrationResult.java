package dev.greenlight.dataplane.migration;

/**
 * How an apply call ended. Run totals cover every call of the run; {@code …ThisCall} fields and the
 * duration cover only this one.
 *
 * @param status {@link MigrationStatus#COMPLETED} or {@link MigrationStatus#STOPPED}
 * @param lastId the checkpoint: where a resume continues
 * @param resumedFrom the id this call continued after — the run's checkpoint, or the explicit
 *     resume point — or null when this call started the run
 * @param rowsUpdated rows the run rewrote to a canonical value (one log row each)
 * @param rowsUnmappable rows the run could not map and left unchanged (logged once each)
 * @param rowsNull rows with a NULL stage scanned (left alone, not logged)
 */
public record MigrationResult(
    String runId,
    MigrationStatus status,
    long lastId,
    Long resumedFrom,
    long batches,
    long rowsScanned,
    long rowsUpdated,
    long rowsUnmappable,
    long rowsNull,
    long batchesThisCall,
    long rowsScannedThisCall,
    long retriesThisCall,
    int finalBatchSize,
    long durationMillis,
    double rowsPerSecond) {}
