package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The real data activities, steerable by {@link FaultSwitches}: while {@code backup-fails}, {@code
 * restore-test-fails} or {@code dry-run-fails} holds at an attempt's scheduled time, that step does
 * nothing and fails non-retryably (failed for good, without waiting out the stub's retries). Every
 * other step, and every step while no fault holds, is the real one.
 */
public final class FaultyDataActivities implements DataActivities {
  private final DataActivities delegate;
  private final FaultSwitches switches;
  private final LongSupplier now;

  /** Asks {@code switches} at each activity attempt's scheduled (simulated) time. */
  public FaultyDataActivities(DataActivities delegate, FaultSwitches switches) {
    this(delegate, switches, FaultyDataActivities::attemptScheduledAt);
  }

  /**
   * @param now the simulated time of the call (tests)
   */
  FaultyDataActivities(DataActivities delegate, FaultSwitches switches, LongSupplier now) {
    this.delegate = delegate;
    this.switches = switches;
    this.now = now;
  }

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return delegate.unfinishedMigrations(exceptRunId);
  }

  @Override
  public BackupResult backup(String runId) {
    failIfHolding(switches, FaultSwitches.BACKUP_FAILS, now.getAsLong(), "backup failed");
    return delegate.backup(runId);
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    return delegate.verifyBackup(runId, manifestPath);
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    failIfHolding(
        switches, FaultSwitches.RESTORE_TEST_FAILS, now.getAsLong(), "restore test failed");
    return delegate.restoreTest(runId, manifestPath, timeLimitMillis);
  }

  @Override
  public DryRunResult dryRun(String runId) {
    failIfHolding(switches, FaultSwitches.DRY_RUN_FAILS, now.getAsLong(), "dry run failed");
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

  /** The simulated time the running activity attempt was scheduled at. */
  static long attemptScheduledAt() {
    return Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp();
  }

  /**
   * @throws ApplicationFailure non-retryable, of type {@link FaultSwitches#FAILURE_TYPE}, when
   *     {@code kind} holds at {@code atMillis}
   */
  static void failIfHolding(FaultSwitches switches, String kind, long atMillis, String what) {
    var window = switches.holding(kind, atMillis);
    if (window.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(
          what + ": injected fault " + kind + " (" + FaultSwitches.until(window.get()) + ")",
          FaultSwitches.FAILURE_TYPE);
    }
  }
}
