package dev.greenlight.e2e;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.testsupport.Await;
import java.util.Set;

/**
 * The release manager's part of a rollout: approve the migration once the dry run is in, and the
 * distinct-stages check (the seed's unmappable junk is left as it is, by design), through the CLI.
 */
record Steering(Cli cli, String workflowId) {
  private static final Set<String> APPROVED =
      Set.of(RolloutConstants.APPROVE_MIGRATION, RolloutConstants.APPROVE_DISTINCT_STAGES);

  /**
   * Polls the rollout, approving as {@link #approvePending} does, until {@code done} holds; fails
   * early when the rollout ends before that.
   */
  RolloutStatus driveUntil(
      RolloutProbe probe,
      java.time.Duration timeout,
      String what,
      java.util.function.Predicate<RolloutStatus> done,
      java.util.function.Supplier<String> diagnostics) {
    return Await.until(
        timeout,
        what,
        () -> {
          RolloutStatus s = probe.status();
          if (s == null) {
            return null;
          }
          if (done.test(s)) {
            return s;
          }
          if (s.phase().isTerminal()) {
            throw new AssertionError(
                "the rollout ended before " + what + "\n" + RolloutProbe.describe(s));
          }
          approvePending(s);
          return null;
        },
        () -> RolloutProbe.describe(probe.status()) + "\n" + diagnostics.get());
  }

  /** Approves whatever of {@link #APPROVED} the status shows pending; others are left alone. */
  void approvePending(RolloutStatus status) {
    if (status == null) {
      return;
    }
    if (status.pendingApprovals().contains(RolloutConstants.APPROVE_MIGRATION_RESUME)) {
      // Only a failed migration asks for this: nothing in the suite should make one fail.
      throw new AssertionError(
          "the migration failed and waits for migration-resume\n" + RolloutProbe.describe(status));
    }
    for (String step : status.pendingApprovals()) {
      if (APPROVED.contains(step)) {
        // A refusal (already approved by an earlier poll, or no worker just now) is retried by
        // the next poll if the step is still pending.
        cli.approve(workflowId, step, "e2e: dry run and offending stages reviewed");
      }
    }
  }
}
