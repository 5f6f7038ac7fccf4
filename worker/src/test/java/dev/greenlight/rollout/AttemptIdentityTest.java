package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rollout attempt has its own run id (issue 11, item 9; safety invariant 5): the workflow id
 * is the same for every rollout of a plan, so it cannot key backups and migration checkpoints.
 */
class AttemptIdentityTest extends RolloutKitTest {
  @Test
  void dataStepsAreKeyedByTheAttemptNotTheWorkflowId() {
    kit.start(script -> {});
    RolloutStatus pending = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);

    String attempt = pending.attemptId();
    assertNotEquals(kit.workflowId, attempt);
    assertFalse(kit.data.runIds.isEmpty());
    assertTrue(
        kit.data.runIds.stream().allMatch(attempt::equals),
        "every data step keyed by " + attempt + ": " + kit.data.runIds);
  }

  @Test
  void anEarlierAttemptsUnfinishedMigrationStopsTheRolloutAndAsks() {
    kit.data.unfinishedMigrations = List.of("run 3f2a… is running at id 4000 (4000 rows updated)");
    kit.start(script -> {});

    RolloutStatus asking = kit.awaitPending(RolloutConstants.APPROVE_EARLIER_MIGRATION);
    assertEquals(Phase.NORMALIZE, asking.phase());
    assertEquals(1, kit.data.backups.get(), "only the pre-flight backup; day 5's waits");
    assertTrue(
        asking.transitions().stream().anyMatch(t -> t.reason().contains("run 3f2a")),
        asking.transitions().toString());

    kit.workflow()
        .approve(
            new ApproveInput(
                RolloutConstants.APPROVE_EARLIER_MIGRATION, "alice", "old run abandoned, OPS-88"));
    kit.awaitStatus(
        s -> s.pendingApprovals().contains(RolloutConstants.APPROVE_MIGRATION),
        Duration.ofHours(2),
        Duration.ofMinutes(10));
  }
}
