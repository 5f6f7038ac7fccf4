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
    NormalizeSpec spec = c.plan.normalize();
    switch (c.state.data.normalizeStep) {
      case EARLIER_MIGRATIONS -> earlierMigrations(c);
      case BACKUP -> NormalizeSteps.backup(c, spec);
      case DRY_RUN -> NormalizeSteps.dryRun(c);
      case AWAIT_APPROVAL -> NormalizeSteps.awaitApproval(c);
      case APPLY -> apply(c, spec);
      case VERIFY -> verify(c);
      case DONE -> NormalizeSteps.done(c);
    }
  }

  /**
   * Migrations an earlier attempt left unfinished are a person's to look at before this attempt
   * migrates under its own id.
   */
  private static void earlierMigrations(RolloutContext c) {
    RolloutState s = c.state;
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

  /**
   * Verifies the distinct stages once; while the approval for what remains is pending (an alert or
   * an abort cut the wait short), waits on it without reading again.
   */
  private static void verify(RolloutContext c) {
    RolloutState s = c.state;
    if (!s.steering.pendingApprovals.contains(RolloutConstants.APPROVE_DISTINCT_STAGES)) {
      DistinctStagesResult distinct = c.activities.data.verifyDistinctStages();
      s.data.offendingStages = distinct.offending();
      if (distinct.allCanonical()) {
        c.record("every stage is canonical");
        s.data.normalizeStep = NormalizeStep.DONE;
        return;
      }
    }
    NormalizeSteps.approveRemainingStages(c);
  }
}
