package dev.greenlight.dataplane.migration;

/**
 * Told after every committed batch how far an apply run has come — where a Temporal activity
 * heartbeats (the progress carries the resume point) and the CLI draws its progress bar.
 *
 * <p>Called on the applying thread, between batches, never inside a transaction. An exception it
 * throws (a cancelled activity's heartbeat, say) stops the run after that committed batch: the run
 * is recorded as stopped and the exception propagates unchanged.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> {};

  void onBatch(MigrationProgress progress);
}
