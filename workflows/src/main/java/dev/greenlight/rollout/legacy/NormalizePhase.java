package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Failures;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.plan.NormalizeSpec;
import io.temporal.failure.ActivityFailure;

/**
 * Day 5, the only irreversible step: backup → verify → restore test → dry run → a human's approval
 * → apply → verify distinct stages. Each step runs once; the state remembers which is next, so a
 * new worker or a new run carries on from there.
 */
final class NormalizePhase {
  private NormalizePhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    NormalizeSpec spec = c.plan.normalize();
    switch (s.data.normalizeStep) {
      case BACKUP -> {
        try {
          BackupResult backup = c.activities.data.backup(c.workflowId);
          c.activities.data.verifyBackup(c.workflowId, backup.manifestPath());
          var restore =
              c.activities.data.restoreTest(
                  c.workflowId, backup.manifestPath(), spec.restoreTimeLimit().toMillis());
          s.data.manifestPath = backup.manifestPath();
          c.record(
              "backup verified and restored in "
                  + restore.durationMillis()
                  + "ms ("
                  + restore.restoredRows()
                  + " rows)"
                  + backup.formatNote());
          s.data.normalizeStep = NormalizeStep.DRY_RUN;
        } catch (ActivityFailure e) {
          stop(c, "no migration: " + Failures.describe(e));
        }
      }
      case DRY_RUN -> {
        s.data.dryRun = c.activities.data.dryRun(c.workflowId);
        c.record(
            "dry run: "
                + s.data.dryRun.rowsToChange()
                + " of "
                + s.data.dryRun.rowsScanned()
                + " rows would change, "
                + s.data.dryRun.rowsUnmappable()
                + " unmappable");
        s.data.normalizeStep = NormalizeStep.AWAIT_APPROVAL;
      }
      case AWAIT_APPROVAL -> {
        if (c.awaitApproval(RolloutConstants.APPROVE_MIGRATION, "review the dry run")) {
          s.data.normalizeStep = NormalizeStep.APPLY;
        }
      }
      case APPLY -> {
        try {
          s.data.migration =
              c.activities.migration.applyMigration(
                  new MigrationRequest(
                      c.workflowId,
                      spec.batchSize(),
                      spec.targetBatchDuration().toMillis(),
                      spec.maxRowsPerSecond()));
          c.record(
              "migration applied: "
                  + s.data.migration.rowsUpdated()
                  + " rows updated, "
                  + s.data.migration.rowsUnmappable()
                  + " unmappable");
          s.data.normalizeStep = NormalizeStep.VERIFY;
        } catch (ActivityFailure e) {
          // The checkpoint holds everything committed so far; a human looks before it resumes.
          c.record("migration failed: " + Failures.describe(e));
          c.awaitApproval(
              RolloutConstants.APPROVE_MIGRATION_RESUME,
              "fix the cause, then approve to resume from the checkpoint");
        }
      }
      case VERIFY -> {
        DistinctStagesResult distinct = c.activities.data.verifyDistinctStages();
        s.data.offendingStages = distinct.offending();
        if (distinct.allCanonical()) {
          c.record("every stage is canonical");
          s.data.normalizeStep = NormalizeStep.DONE;
        } else if (c.awaitApproval(
            RolloutConstants.APPROVE_DISTINCT_STAGES,
            distinct.offending().size()
                + " non-canonical values remain "
                + distinct.offending()
                + "; fix them or approve to go on")) {
          DistinctStagesResult again = c.activities.data.verifyDistinctStages();
          s.data.offendingStages = again.offending();
          c.record(
              again.allCanonical()
                  ? "every stage is canonical after the fix"
                  : "going on with "
                      + again.offending().size()
                      + " non-canonical values, as approved");
          s.data.normalizeStep = NormalizeStep.DONE;
        }
      }
      case DONE -> {
        s.canary.canaryStep = 0;
        s.canary.stepStarted = false;
        c.enter(Phase.CANARY, "data normalized");
      }
    }
  }

  private static void stop(RolloutContext c, String reason) {
    c.state.outcomeReason = reason;
    c.enter(Phase.STOPPED, reason);
  }
}
