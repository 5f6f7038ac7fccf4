package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Failures;
import dev.greenlight.rollout.NormalizeSteps;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutState;
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
    RolloutState s = c.state;
    NormalizeSpec spec = c.plan.normalize();
    switch (s.data.normalizeStep) {
      case BACKUP -> {
        try {
          NormalizeSteps.backup(c, spec);
        } catch (ActivityFailure e) {
          c.stop("no migration: " + Failures.describe(e));
        }
      }
      case DRY_RUN -> NormalizeSteps.dryRun(c);
      case AWAIT_APPROVAL -> NormalizeSteps.awaitApproval(c);
      case APPLY -> {
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
      case DONE -> NormalizeSteps.done(c);
    }
  }
}
