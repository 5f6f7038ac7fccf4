package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The data plane's steps. A checksum mismatch, a failed restore test and apply without evidence
 * fail with non-retryable types (see {@code RolloutConstants}).
 *
 * <p>A {@code runId} is the data plane's name for the key its backups, evidence and migration
 * checkpoints are filed under: the rollout's attempt id ({@code RolloutState.attemptId}), or its
 * workflow id for rollouts that started before attempts had ids. Never a Temporal run id.
 */
@ActivityInterface
public interface DataActivities {
  /**
   * Migrations of other runs — earlier attempts of a rollout — that started and never completed,
   * one line each (run id, status, checkpoint, last error); empty when there are none.
   */
  @ActivityMethod
  List<String> unfinishedMigrations(String exceptRunId);

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
