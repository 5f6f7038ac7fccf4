package dev.greenlight.rollout;

import dev.greenlight.dataplane.backup.BackupChecksumMismatchException;
import dev.greenlight.dataplane.backup.BackupManifest;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.MissingBackupEvidenceException;
import dev.greenlight.dataplane.backup.PgToolUnusableException;
import dev.greenlight.dataplane.backup.RestoreTestFailedException;
import dev.greenlight.dataplane.migration.DistinctStagesReport;
import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationProgress;
import dev.greenlight.dataplane.migration.StageMigration;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data plane as activities: backups, verification, restore tests, the dry run, the batched
 * migration and the distinct-stage check. Failures that retrying cannot fix are raised as
 * non-retryable {@link ApplicationFailure}s with the types in {@link RolloutConstants}.
 */
public final class DataActivitiesImpl implements DataActivities {
  private static final int LISTED = 50;
  private static final List<String> TABLES = List.of("portfolio_companies");

  /**
   * Told about every committed batch of an apply attempt, before the heartbeat. Throwing stops the
   * run after that committed batch, as a worker dying there would — how a rehearsal stages a crash.
   */
  @FunctionalInterface
  public interface BatchObserver {
    BatchObserver NONE = (attempt, progress) -> {};

    /**
     * @param attemptScheduledAtMillis when this activity attempt was scheduled: one value per
     *     attempt
     */
    void onBatch(long attemptScheduledAtMillis, MigrationProgress progress);
  }

  private final Backups backups;
  private final StageMigration migration;
  private final Path backupDirectory;
  private final BatchObserver observer;

  public DataActivitiesImpl(
      Backups backups, StageMigration migration, Path backupDirectory, BatchObserver observer) {
    this.backups = backups;
    this.migration = migration;
    this.backupDirectory = backupDirectory;
    this.observer = observer;
  }

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return migration.unfinishedRuns(exceptRunId).stream()
        .map(
            run ->
                "run "
                    + run.runId()
                    + " is "
                    + run.status().dbValue()
                    + " at id "
                    + run.lastId()
                    + " ("
                    + run.totals().rowsUpdated()
                    + " rows updated"
                    + (run.lastError() == null ? "" : "; last error: " + run.lastError())
                    + ")")
        .toList();
  }

  @Override
  public BackupResult backup(String runId) {
    long started = System.nanoTime();
    try {
      // pg_dump is killed at its own limit, cut to end inside this attempt's start-to-close
      // timeout: past it Temporal retries while the first dump could still be writing.
      Duration dumpLimit =
          AttemptBudget.of(Activity.getExecutionContext().getInfo(), started)
              .fit(backups.dumpTimeout());
      var result = backups.backup(runId, backupDirectory.resolve(safe(runId)), TABLES, dumpLimit);
      return toResult(result.manifestFile(), result.manifest(), result.formatReason());
    } catch (PgToolUnusableException e) {
      // Installing the right pg_dump is a human's job; retrying cannot fix it.
      throw nonRetryable(RolloutConstants.FAILURE_PG_TOOLS, e);
    }
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    try {
      var verified = backups.verify(Path.of(manifestPath));
      return new BackupResult(
          manifestPath, verified.sha256(), verified.sizeBytes(), -1, null, null);
    } catch (BackupChecksumMismatchException e) {
      throw nonRetryable(RolloutConstants.FAILURE_CHECKSUM_MISMATCH, e);
    } catch (MissingBackupEvidenceException e) {
      // A manifest no backup step recorded will not become recorded by retrying.
      throw nonRetryable(RolloutConstants.FAILURE_MISSING_EVIDENCE, e);
    }
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    long started = System.nanoTime();
    try {
      Duration limit =
          AttemptBudget.of(Activity.getExecutionContext().getInfo(), started)
              .fit(Duration.ofMillis(timeLimitMillis));
      var result = backups.restoreTest(Path.of(manifestPath), limit);
      long rows = result.restoredTables().stream().mapToLong(BackupManifest.TableRows::rows).sum();
      int distinct = result.distinctStages() == null ? -1 : result.distinctStages().intValue();
      return new RestoreTestResult(result.durationMillis(), rows, distinct);
    } catch (BackupChecksumMismatchException e) {
      throw nonRetryable(RolloutConstants.FAILURE_CHECKSUM_MISMATCH, e);
    } catch (RestoreTestFailedException e) {
      throw nonRetryable(RolloutConstants.FAILURE_RESTORE_TEST, e);
    } catch (MissingBackupEvidenceException e) {
      throw nonRetryable(RolloutConstants.FAILURE_MISSING_EVIDENCE, e);
    }
  }

  @Override
  public DryRunResult dryRun(String runId) {
    DryRunReport report = migration.dryRun();
    Map<String, Long> mappings = new LinkedHashMap<>();
    report.mappings().stream()
        .limit(LISTED)
        .forEach(m -> mappings.put(m.from() + " → " + m.to(), m.rows()));
    Map<String, Long> unmappable = new LinkedHashMap<>();
    report.unmappable().stream().limit(LISTED).forEach(u -> unmappable.put(u.value(), u.rows()));
    return new DryRunResult(
        report.totalRows(), report.rowsToChange(), report.rowsUnmappable(), mappings, unmappable);
  }

  /**
   * Applies the migration, heartbeating after every committed batch. The checkpoint lives in the
   * database, so a retry on another worker resumes from the last committed batch; a cancelled
   * activity's heartbeat throws, which stops the run between batches.
   */
  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    long attempt = context.getInfo().getCurrentAttemptScheduledTimestamp();
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
              (MigrationProgress progress) -> {
                observer.onBatch(attempt, progress);
                context.heartbeat(progress);
              },
              () -> false);
      return new MigrationResult(
          result.rowsScanned(), result.rowsUpdated(), result.rowsUnmappable(), result.lastId());
    } catch (MissingBackupEvidenceException e) {
      throw nonRetryable(RolloutConstants.FAILURE_MISSING_EVIDENCE, e);
    } catch (BackupChecksumMismatchException e) {
      // The guard re-hashes the proven backup: a file changed since its restore test.
      throw nonRetryable(RolloutConstants.FAILURE_CHECKSUM_MISMATCH, e);
    }
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    DistinctStagesReport report = migration.inspectDistinct();
    Map<String, Long> offending = new LinkedHashMap<>();
    report.offending().stream()
        .limit(LISTED)
        .forEach(o -> offending.put(String.valueOf(o.value()), o.rows()));
    return new DistinctStagesResult(report.passed(), offending);
  }

  private static BackupResult toResult(
      String manifestFile, BackupManifest manifest, String formatReason) {
    long companies =
        manifest.tables().stream()
            .filter(t -> t.table().endsWith("portfolio_companies"))
            .mapToLong(BackupManifest.TableRows::rows)
            .sum();
    return new BackupResult(
        manifestFile,
        manifest.sha256(),
        manifest.sizeBytes(),
        companies,
        manifest.format(),
        formatReason);
  }

  /** Run ids are workflow ids; keep them to characters every file system takes. */
  private static String safe(String runId) {
    return runId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** A data plane failure that retrying cannot fix, typed so the workflow can tell which it was. */
  private static ApplicationFailure nonRetryable(String type, Exception cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(cause.getMessage(), type, cause);
  }
}
