package dev.greenlight.starter.rehearse;

import dev.greenlight.dataplane.backup.MissingBackupEvidenceException;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationProgress;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real data plane with two additions a rehearsal needs: it records the migration's progress
 * after every committed batch (for the report), and it can crash the first {@code crashes} apply
 * attempts right after their first committed batch — the batch stays committed, so the next attempt
 * must resume from the checkpoint. Every other call goes to the real activities unchanged.
 */
final class RehearsalData implements DataActivities {
  /** One committed batch, or a crash right after one. */
  record Progress(
      long atMillis,
      int attempt,
      long batch,
      long rowsDone,
      long estimatedTotal,
      long lastId,
      double rowsPerSecond,
      boolean crashed) {}

  private final DataActivities real;
  private final StageMigration migration;
  private final AtomicInteger crashesLeft;
  private final List<Progress> progress = new ArrayList<>();

  RehearsalData(DataActivities real, StageMigration migration, int crashes) {
    this.real = real;
    this.migration = migration;
    this.crashesLeft = new AtomicInteger(crashes);
  }

  synchronized List<Progress> progress() {
    return List.copyOf(progress);
  }

  @Override
  public BackupResult backup(String runId) {
    return real.backup(runId);
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    return real.verifyBackup(runId, manifestPath);
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    return real.restoreTest(runId, manifestPath, timeLimitMillis);
  }

  @Override
  public DryRunResult dryRun(String runId) {
    return real.dryRun(runId);
  }

  /** As {@code DataActivitiesImpl.applyMigration}, with progress recorded and crashes injected. */
  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = context.getInfo().getAttempt();
    long at = context.getInfo().getCurrentAttemptScheduledTimestamp();
    boolean crash = crashesLeft.getAndDecrement() > 0;
    MigrationOptions.Builder options =
        MigrationOptions.builder()
            .initialBatchSize(request.batchSize())
            .targetBatchDuration(Duration.ofMillis(request.targetBatchMillis()));
    if (request.maxRowsPerSecond() > 0) {
      options.maxRowsPerSecond(request.maxRowsPerSecond());
    }
    try {
      var result =
          migration.apply(
              request.runId(),
              options.build(),
              p -> {
                record(at, attempt, p, crash);
                context.heartbeat(p);
                if (crash) {
                  throw new SimulatedCrash(p);
                }
              },
              () -> false);
      return new MigrationResult(
          result.rowsScanned(), result.rowsUpdated(), result.rowsUnmappable(), result.lastId());
    } catch (SimulatedCrash e) {
      throw ApplicationFailure.newFailure(e.getMessage(), "SimulatedCrash");
    } catch (MissingBackupEvidenceException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          e.getMessage(), RolloutConstants.FAILURE_MISSING_EVIDENCE, e);
    }
  }

  private synchronized void record(long at, int attempt, MigrationProgress p, boolean crashed) {
    progress.add(
        new Progress(
            at,
            attempt,
            p.batch(),
            p.rowsDone(),
            p.estimatedTotal(),
            p.lastId(),
            p.rowsPerSecond(),
            crashed));
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    return real.verifyDistinctStages();
  }

  /** The scenario's crash: thrown from the progress listener, so the batch before it committed. */
  private static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(MigrationProgress p) {
      super(
          "simulated worker crash after batch "
              + p.batch()
              + " (checkpoint at id "
              + p.lastId()
              + ", "
              + p.rowsDone()
              + " rows done)");
    }
  }
}
