package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Data-plane answers a test sets, to steer the workflow down a branch; counts the calls. */
final class SteerableData implements DataActivities {
  volatile boolean checksumMismatch;
  volatile long restoreMillis = 40_000;

  /** From this restore test on (1-based), restores take {@code slowRestoreMillis}. */
  volatile int slowRestoreFromCall = Integer.MAX_VALUE;

  volatile long slowRestoreMillis = 400_000;
  final AtomicInteger restoreCalls = new AtomicInteger();

  /** Apply attempts that fail before one succeeds. */
  volatile int failingApplyAttempts;

  final AtomicInteger applyCalls = new AtomicInteger();
  final AtomicInteger backups = new AtomicInteger();

  /** What {@link #unfinishedMigrations} answers: earlier attempts' unfinished runs. */
  volatile List<String> unfinishedMigrations = List.of();

  /** While true, the dry run fails for good. */
  volatile boolean dryRunFails;

  /** The run ids the data steps were called with, in order. */
  final List<String> runIds = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return unfinishedMigrations;
  }

  @Override
  public BackupResult backup(String runId) {
    backups.incrementAndGet();
    runIds.add(runId);
    return new BackupResult(
        "/backups/" + runId + ".json", "ab".repeat(32), 1_000_000, 10_000, "pg_dump", null);
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    if (checksumMismatch) {
      throw ApplicationFailure.newNonRetryableFailure(
          "checksum mismatch for " + manifestPath, RolloutConstants.FAILURE_CHECKSUM_MISMATCH);
    }
    return new BackupResult(manifestPath, "ab".repeat(32), 1_000_000, 10_000, "pg_dump", null);
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    long took =
        restoreCalls.incrementAndGet() >= slowRestoreFromCall ? slowRestoreMillis : restoreMillis;
    if (took > timeLimitMillis) {
      throw ApplicationFailure.newNonRetryableFailure(
          "restore took " + took + "ms, over the " + timeLimitMillis + "ms limit",
          RolloutConstants.FAILURE_RESTORE_TEST);
    }
    return new RestoreTestResult(took, 10_000, 14);
  }

  @Override
  public DryRunResult dryRun(String runId) {
    runIds.add(runId);
    if (dryRunFails) {
      throw ApplicationFailure.newNonRetryableFailure(
          "permission denied for table portfolio_companies", "DryRunFailed");
    }
    return new DryRunResult(
        10_000, 4_000, 120, Map.of("Series A → series-a", 900L), Map.of("???", 120L));
  }

  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    int call = applyCalls.incrementAndGet();
    if (call <= failingApplyAttempts) {
      throw ApplicationFailure.newFailure(
          "batch " + call + " failed: connection reset", "BatchFailed");
    }
    return new MigrationResult(10_000, 4_000, 120, 10_000);
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    return new DistinctStagesResult(true, Map.of());
  }
}
