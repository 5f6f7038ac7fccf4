package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Failures;
import dev.greenlight.rollout.NormalizeSteps;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.activity.DistinctStagesResult;
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
    NormalizeSpec spec = c.plan.normalize();
    switch (c.state.data.normalizeStep) {
      case BACKUP -> backup(c, spec);
      case DRY_RUN -> NormalizeSteps.dryRun(c);
      case AWAIT_APPROVAL -> NormalizeSteps.awaitApproval(c);
      case APPLY -> apply(c, spec);
      case VERIFY -> verify(c);
      case DONE -> NormalizeSteps.done(c);
    }
  }

  /** A backup that fails for good stops the rollout: nothing irreversible has happened yet. */
  private static void backup(RolloutContext c, NormalizeSpec spec) {
    try {
      NormalizeSteps.backup(c, spec);
    } catch (ActivityFailure e) {
      c.stop("no migration: " + Failures.describe(e));
    }
  }

  private static void apply(RolloutContext c, NormalizeSpec spec) {
    try {
      NormalizeSteps.apply(c, spec);
    } catch (ActivityFailure e) {
      // The checkpoint holds everything committed so far; a human looks before it resumes.
      c.record("migration failed: " + Failures.describe(e));
      c.awaitApproval(
          RolloutConstants.APPROVE_MIGRATION_RESUME,
          "fix the cause, then approve to resume from the checkpoint");
    }
  }

  /** Verifies the distinct stages on every turn, the approval's included. */
  private static void verify(RolloutContext c) {
    DistinctStagesResult distinct = c.activities.data.verifyDistinctStages();
    c.state.data.offendingStages = distinct.offending();
    if (distinct.allCanonical()) {
      c.record("every stage is canonical");
      c.state.data.normalizeStep = NormalizeStep.DONE;
    } else {
      NormalizeSteps.approveRemainingStages(c);
    }
  }
}
