package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The data plane's steps. A checksum mismatch, a failed restore test and apply without evidence
 * fail with non-retryable types (see {@code RolloutConstants}).
 */
@ActivityInterface
public interface DataActivities {
  @ActivityMethod
  BackupResult backup(String runId);

  @ActivityMethod
  BackupResult verifyBackup(String runId, String manifestPath);

  @ActivityMethod
  RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis);

  @ActivityMethod
  DryRunResult dryRun(String runId);

  /** Applies the migration, heartbeating progress; resumes from the run's checkpoint. */
  @ActivityMethod
  MigrationResult applyMigration(MigrationRequest request);

  @ActivityMethod
  DistinctStagesResult verifyDistinctStages();
}
