package dev.greenlight.dataplane.migration;

/**
 * A snapshot of an apply run after one committed batch. Counters are the run's totals across
 * resumes; the rate and ETA are this call's. Plain values, so it serializes as heartbeat details.
 *
 * @param lastId the checkpoint: resume after this id
 * @param rowsDone rows scanned so far by the run
 * @param estimatedTotal rows done plus the rows above the starting point when this call began
 * @param etaMillis estimated time to finish at this call's rate; -1 when not yet known
 */
public record MigrationProgress(
    String runId,
    long batch,
    long lastId,
    long rowsDone,
    long estimatedTotal,
    long rowsUpdated,
    long rowsUnmappable,
    long batchSize,
    long batchMillis,
    double rowsPerSecond,
    long etaMillis,
    long elapsedMillis,
    long retries) {

  /** Done as a fraction of the estimate, between 0 and 1. */
  public double fractionDone() {
    return estimatedTotal <= 0 ? 1.0 : Math.min(1.0, (double) rowsDone / estimatedTotal);
  }
}
