package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * Day 5: backup, verify, restore test, dry run, a human's approval, apply, verify distinct stages.
 *
 * @param batchSize the first batch's size; later ones adapt toward {@code targetBatchDuration}
 * @param targetBatchDuration how long one batch should hold its locks
 * @param maxRowsPerSecond a cap on the migration's rate, 0 for none
 * @param restoreTimeLimit the restore test's time budget
 */
public record NormalizeSpec(
    int batchSize, Duration targetBatchDuration, int maxRowsPerSecond, Duration restoreTimeLimit) {
  /**
   * The smallest batch the data plane's adaptive sizing starts from (its {@code MigrationOptions}
   * minimum): a plan below it would pass here and fail on migration day.
   */
  public static final int MIN_BATCH_SIZE = 100;
}
