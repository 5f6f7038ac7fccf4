package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.plan.NormalizeSpec;
import io.temporal.failure.ActivityFailure;
import java.util.List;

/**
 * Day 5, the only irreversible step: earlier attempts' migrations → backup → verify → restore test
 * → dry run → a human's approval → apply → verify distinct stages. Each step runs once; the state
 * remembers which is next, so a new worker or a new run carries on from there.
 *
 * <p>Every step is keyed by this attempt's own id (safety invariant 5): its backup evidence and
 * migration checkpoint are never another rollout's. A step that fails for good pauses the rollout
 * through the loop; resuming runs that step again. The mode is warn throughout.
 */
final class NormalizePhase {
  private NormalizePhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    NormalizeSpec spec = c.plan.normalize();
    switch (s.data.normalizeStep) {
      case EARLIER_MIGRATIONS -> {
        List<String> earlier =
            s.steering.pendingApprovals.contains(RolloutConstants.APPROVE_EARLIER_MIGRATION)
                ? List.of("see the pending approval")
                : c.activities.data.unfinishedMigrations(c.attemptId());
        if (earlier.isEmpty()
            || c.awaitApproval(
                RolloutConstants.APPROVE_EARLIER_MIGRATION,
                "earlier attempts left migrations unfinished: "
                    + String.join("; ", earlier)
                    + ". Inspect them (greenlight migrate --status), finish or leave them, then"
                    + " approve to migrate under this attempt's own run id "
                    + c.attemptId())) {
          s.data.normalizeStep = NormalizeStep.BACKUP;
        }
      }
      case BACKUP -> NormalizeSteps.backup(c, spec);
      case DRY_RUN -> NormalizeSteps.dryRun(c);
      case AWAIT_APPROVAL -> NormalizeSteps.awaitApproval(c);
      case APPLY -> apply(c, spec);
      case VERIFY -> verify(c);
      case DONE -> NormalizeSteps.done(c);
    }
  }

  private static void apply(RolloutContext c, NormalizeSpec spec) {
    RolloutState s = c.state;
    String resume = RolloutConstants.APPROVE_MIGRATION_RESUME;
    String why = "fix the cause, then approve to resume from the checkpoint";
    if (s.steering.pendingApprovals.contains(resume)) {
      // An alert or abort cut the wait short: keep waiting, never apply unapproved.
      c.awaitApproval(resume, why);
      return;
    }
    try {
      NormalizeSteps.apply(c, spec);
    } catch (ActivityFailure e) {
      // The checkpoint holds everything committed so far; a human looks before it resumes.
      c.record("migration failed: " + Failures.describe(e));
      c.awaitApproval(resume, why);
    }
  }

  private static void verify(RolloutContext c) {
    RolloutState s = c.state;
    String approval = RolloutConstants.APPROVE_DISTINCT_STAGES;
    if (!s.steering.pendingApprovals.contains(approval)) {
      DistinctStagesResult distinct = c.activities.data.verifyDistinctStages();
      s.data.offendingStages = distinct.offending();
      if (distinct.allCanonical()) {
        c.record("every stage is canonical");
        s.data.normalizeStep = NormalizeStep.DONE;
        return;
      }
    }
    if (c.awaitApproval(
        approval,
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
}
