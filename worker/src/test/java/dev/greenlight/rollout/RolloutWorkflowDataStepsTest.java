package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.COMPLETED;
import static dev.greenlight.rollout.Phase.NORMALIZE;
import static dev.greenlight.rollout.Phase.PREFLIGHT;
import static dev.greenlight.rollout.Phase.STOPPED;
import static dev.greenlight.rollout.Phase.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 2, 3, 5 and 6: pre-flight failures, external consumers, restore test, migration
 * failure.
 */
class RolloutWorkflowDataStepsTest extends RolloutKitTest {
  @Test
  void backupChecksumMismatchAtPreflightStopsWithoutAnyModeChange() {
    kit.data.checksumMismatch = true;
    kit.start(script -> {});

    RolloutResult result = kit.result();

    assertEquals(STOPPED, result.outcome());
    assertTrue(result.reason().contains("checksum mismatch"), result.reason());
    assertEquals(List.of(PREFLIGHT, STOPPED), RolloutTestKit.phases(result.transitions()));
    assertTrue(RolloutTestKit.flips(result.transitions()).isEmpty());
    assertTrue(kit.mode().isEmpty(), "no mode may be written: " + kit.mode());
  }

  @Test
  void externalConsumersHoldTheRolloutInWarnUntilApproved() {
    kit.preflight.externalConsumers = List.of("203.0.113.9 partner-sync/2.1");
    kit.start(script -> {});

    RolloutStatus held =
        kit.awaitStatus(
            s -> s.phase() == WARN && s.nowMillis() - s.phaseStartedAtMillis() > 10L * 86_400_000,
            java.time.Duration.ofDays(20),
            java.time.Duration.ofHours(6));
    assertTrue(held.pendingApprovals().contains(RolloutConstants.APPROVE_EXTERNAL_CONSUMERS));
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());

    kit.workflow()
        .approve(
            new ApproveInput(
                RolloutConstants.APPROVE_EXTERNAL_CONSUMERS,
                "bob",
                "partner contacted, mitigation in ADR"));
    RolloutStatus moved = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    assertEquals(NORMALIZE, moved.phase());
  }

  /**
   * The runbook: "If backup restore fails: do not proceed; fix, re-run backup, re-verify checksum
   * and restore." The rollout pauses on it instead of ending, and resuming re-runs all three.
   */
  @Test
  void restoreTestOverTheLimitMeansNoMigrationUntilARerunPasses() {
    kit.data.slowRestoreFromCall = 2; // pre-flight's restore passes, day 5's is too slow
    kit.start(script -> {});

    kit.awaitFailurePause(NORMALIZE, "over the 300000ms limit");
    kit.env.sleep(Duration.ofDays(1));
    assertEquals(0, kit.data.applyCalls.get());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    int backupsBefore = kit.data.backups.get();

    kit.data.slowRestoreFromCall = Integer.MAX_VALUE; // the backup job was fixed
    kit.workflow().resume(new OperatorCommand("alice", "restore target disk replaced"));
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);

    assertEquals(backupsBefore + 1, kit.data.backups.get(), "a fresh backup before the migration");
    assertEquals(0, kit.data.applyCalls.get());
  }

  @Test
  void failedMigrationWaitsForApprovalThenResumes() {
    kit.data.failingApplyAttempts = 3; // every retry of the first activity fails
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));

    RolloutStatus waiting = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION_RESUME);
    assertEquals(NORMALIZE, waiting.phase());
    assertEquals(3, kit.data.applyCalls.get());
    assertFalse(waiting.transitions().stream().anyMatch(t -> t.phase() == CANARY));

    kit.workflow()
        .approve(
            new ApproveInput(
                RolloutConstants.APPROVE_MIGRATION_RESUME, "alice", "fixed lock contention"));
    RolloutResult result = kit.result();
    assertEquals(COMPLETED, result.outcome());
    assertEquals(4, kit.data.applyCalls.get());
  }
}
