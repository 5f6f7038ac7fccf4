package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.plan.NormalizeSpec;
import java.util.Locale;

/**
 * The steps of day 5 that today's loop and the legacy one take alike; each loop's {@code
 * NormalizePhase} decides when, and what a failure means. Each step moves the state to the next.
 */
public final class NormalizeSteps {
  private NormalizeSteps() {}

  /** Backup, verify, restore test; then the dry run is next. */
  public static void backup(PhaseContext c, NormalizeSpec spec) {
    ProvenBackup proven = ProvenBackup.take(c, spec.restoreTimeLimit());
    c.state.data.manifestPath = proven.backup().manifestPath();
    c.record(
        "backup verified and restored in "
            + proven.restore().durationMillis()
            + "ms ("
            + proven.restore().restoredRows()
            + " rows)"
            + proven.backup().formatNote());
    c.state.data.normalizeStep = NormalizeStep.DRY_RUN;
  }

  /** Counts what the migration would change; then a person's approval is next. */
  public static void dryRun(PhaseContext c) {
    RolloutState s = c.state;
    DryRunResult dry = c.activities.data.dryRun(c.attemptId());
    s.data.dryRun = dry;
    c.record(
        String.format(
            Locale.ROOT,
            "dry run: %d of %d rows would change, %d unmappable",
            dry.rowsToChange(),
            dry.rowsScanned(),
            dry.rowsUnmappable()));
    s.data.normalizeStep = NormalizeStep.AWAIT_APPROVAL;
  }

  /** Waits for a person to approve the migration after reading the dry run; then it applies. */
  public static void awaitApproval(PhaseContext c) {
    if (c.awaitApproval(RolloutConstants.APPROVE_MIGRATION, "review the dry run")) {
      c.state.data.normalizeStep = NormalizeStep.APPLY;
    }
  }

  /**
   * Applies the migration in batches from its checkpoint; then the distinct stages are verified.
   *
   * @throws io.temporal.failure.ActivityFailure when it fails for good, the checkpoint holding what
   *     was committed
   */
  public static void apply(PhaseContext c, NormalizeSpec spec) {
    RolloutState s = c.state;
    s.data.migration =
        c.activities.migration.applyMigration(
            new MigrationRequest(
                c.attemptId(),
                spec.batchSize(),
                spec.targetBatchDuration().toMillis(),
                spec.maxRowsPerSecond()));
    c.record(
        String.format(
            Locale.ROOT,
            "migration applied: %d rows updated, %d unmappable",
            s.data.migration.rowsUpdated(),
            s.data.migration.rowsUnmappable()));
    s.data.normalizeStep = NormalizeStep.VERIFY;
  }

  /**
   * Non-canonical values remain after the migration: waits for a person to fix them or approve
   * going on. Once approved, reads them once more, so the transition says whether a fix landed
   * meanwhile, and the data counts as normalized.
   */
  public static void approveRemainingStages(PhaseContext c) {
    RolloutState s = c.state;
    if (c.awaitApproval(
        RolloutConstants.APPROVE_DISTINCT_STAGES,
        s.data.offendingStages.size()
            + " non-canonical values remain "
            + s.data.offendingStages
            + "; fix them or approve to go on")) {
      DistinctStagesResult again = c.activities.data.verifyDistinctStages();
      s.data.offendingStages = again.offending();
      c.record(
          again.allCanonical()
              ? "every stage is canonical after the fix"
              : "going on with " + again.offending().size() + " non-canonical values, as approved");
      s.data.normalizeStep = NormalizeStep.DONE;
    }
  }

  /** The data is normalized: the canary starts at its first step. */
  public static void done(PhaseContext c) {
    c.state.canary.canaryStep = 0;
    c.state.canary.stepStarted = false;
    c.enter(Phase.CANARY, "data normalized");
  }
}
