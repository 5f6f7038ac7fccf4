package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import java.util.List;

/**
 * The real data activities, steerable by {@link FaultSwitches}: while {@code backup-fails}, {@code
 * restore-test-fails} or {@code dry-run-fails} holds at an attempt's scheduled time, that step does
 * nothing and fails non-retryably (failed for good, without waiting out the stub's retries). Every
 * other step, and every step while no fault holds, is the real one.
 */
public final class FaultyDataActivities extends FaultyActivities<DataActivities>
    implements DataActivities {
  /**
   * @param faults asked at each activity attempt's scheduled (simulated) time
   */
  FaultyDataActivities(DataActivities delegate, InjectedFaults faults) {
    super(delegate, faults);
  }

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return delegate.unfinishedMigrations(exceptRunId);
  }

  @Override
  public BackupResult backup(String runId) {
    faults.failIfHolding(FaultSwitches.BACKUP_FAILS, "backup failed");
    return delegate.backup(runId);
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    return delegate.verifyBackup(runId, manifestPath);
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    faults.failIfHolding(FaultSwitches.RESTORE_TEST_FAILS, "restore test failed");
    return delegate.restoreTest(runId, manifestPath, timeLimitMillis);
  }

  @Override
  public DryRunResult dryRun(String runId) {
    faults.failIfHolding(FaultSwitches.DRY_RUN_FAILS, "dry run failed");
    return delegate.dryRun(runId);
  }

  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    return delegate.applyMigration(request);
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    return delegate.verifyDistinctStages();
  }
}
