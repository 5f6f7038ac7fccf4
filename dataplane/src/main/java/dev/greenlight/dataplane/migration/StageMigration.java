package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.backup.MissingBackupEvidenceException;
import dev.greenlight.validator.StageNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The Day-5 data migration: rewrites {@code portfolio_companies.stage} to canonical values with the
 * shared {@link StageNormalizer} — preview ({@link #dryRun}), batched and resumable {@link #apply},
 * and the closing check ({@link #verifyDistinct}).
 *
 * <p>What each kind of row gets: a value that normalizes to a different canonical stage is
 * rewritten and logged; a canonical value is left alone; a value the normalizer cannot map (blank
 * or junk) is left unchanged and logged once per run with {@code normalized_stage} NULL; a NULL
 * stage means "no stage recorded" and is neither changed nor logged. {@code verifyDistinct} follows
 * the same rule: it accepts NULL and rejects blank and junk values.
 *
 * <p>Stage values are data only: every value travels as a bind parameter. Thread-safe; the {@link
 * Jdbi} stays the caller's. Apply holds one connection for the whole call.
 */
public final class StageMigration {
  /** How many entries a dry run or verification lists per kind, most frequent first. */
  public static final int DEFAULT_LIST_LIMIT = 1_000;

  /** How many sample ids accompany each unmappable or offending value. */
  public static final int DEFAULT_SAMPLE_IDS = 10;

  private final Jdbi jdbi;
  private final StageNormalizer normalizer;
  private final FaultHook hook;

  public StageMigration(Jdbi jdbi, StageNormalizer normalizer) {
    this(jdbi, normalizer, FaultHook.NONE);
  }

  StageMigration(Jdbi jdbi, StageNormalizer normalizer, FaultHook hook) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /** What apply would do now. Writes nothing: it runs in a read-only transaction. */
  public DryRunReport dryRun() {
    return new DryRun(jdbi, normalizer).run(DEFAULT_LIST_LIMIT, DEFAULT_SAMPLE_IDS);
  }

  /**
   * Applies the migration for {@code runId} in batches, each committing its row updates, log rows
   * and checkpoint together, until the table is done or {@code stopRequested} answers true between
   * two batches. Resumes from the run's checkpoint, or from {@link MigrationOptions#resumeFrom()}.
   * Applying a completed run again rewrites nothing and returns its totals.
   *
   * @param listener told after every committed batch (heartbeat here)
   * @param stopRequested asked before every batch; true stops with status {@code STOPPED}
   * @throws MissingBackupEvidenceException when the run has no verified, restore-tested backup of
   *     {@code portfolio_companies} (DESIGN.md invariant 5)
   * @throws MigrationAlreadyRunningException when another session is applying the same run
   * @throws BatchRetriesExhaustedException when lock timeouts or serialization failures persist
   * @throws MigrationBatchFailedException when a batch fails otherwise (a lost connection, say)
   */
  public MigrationResult apply(
      String runId,
      MigrationOptions options,
      ProgressListener listener,
      BooleanSupplier stopRequested) {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run id must not be blank but was '" + runId + "'");
    }
    return new ApplyRun(
            jdbi,
            new BatchTransaction(normalizer, hook),
            runId,
            Objects.requireNonNull(options, "options"),
            Objects.requireNonNull(listener, "listener"),
            Objects.requireNonNull(stopRequested, "stopRequested"))
        .execute();
  }

  /** The run's checkpoint and totals, if it has started. */
  public Optional<MigrationRun> status(String runId) {
    return jdbi.withHandle(h -> MigrationCheckpoints.find(h, runId));
  }

  /**
   * Runs other than {@code runId} that started and never completed — an earlier rollout attempt's
   * migration that crashed, failed or was stopped — oldest first.
   */
  public List<MigrationRun> unfinishedRuns(String exceptRunId) {
    return jdbi.withHandle(h -> MigrationCheckpoints.unfinished(h, exceptRunId));
  }

  /** The distinct stages now, without failing; NULL counts as allowed. */
  public DistinctStagesReport inspectDistinct() {
    return new DistinctStageVerifier(jdbi).inspect(true, DEFAULT_LIST_LIMIT, DEFAULT_SAMPLE_IDS);
  }

  /**
   * Passes when every stage is canonical or NULL.
   *
   * @throws NonCanonicalStagesException listing each offending value with its count and ids
   */
  public DistinctStagesReport verifyDistinct() {
    return verifyDistinct(true);
  }

  /**
   * Passes when every stage is canonical (or NULL, when {@code nullsAllowed}).
   *
   * @throws NonCanonicalStagesException listing each offending value with its count and ids
   */
  public DistinctStagesReport verifyDistinct(boolean nullsAllowed) {
    DistinctStagesReport report =
        new DistinctStageVerifier(jdbi)
            .inspect(nullsAllowed, DEFAULT_LIST_LIMIT, DEFAULT_SAMPLE_IDS);
    if (!report.passed()) {
      throw new NonCanonicalStagesException(report);
    }
    return report;
  }
}
