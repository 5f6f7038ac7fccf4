package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.ABORTED;
import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationMode;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenarios 10 and 14: pause, resume and abort; a wrong command is refused and leaves no trace. */
class RolloutWorkflowSteeringTest extends RolloutKitTest {
  @Test
  void pauseHoldsTheRolloutResumeContinuesAbortDowngradesEnforce() {
    kit.start(script -> {});
    kit.awaitPhase(WARN);
    kit.workflow().pause(new OperatorCommand("carol", "holiday freeze"));
    kit.env.sleep(Duration.ofDays(10));
    RolloutStatus held = kit.status();
    assertEquals(WARN, held.phase());
    assertTrue(held.paused());

    kit.workflow().resume(new OperatorCommand("carol", "freeze over"));
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow().approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "ok"));
    kit.awaitStatus(
        s -> s.phase() == CANARY && s.percent() == 10, Duration.ofDays(1), Duration.ofMinutes(10));

    kit.workflow().abort(new OperatorCommand("carol", "customer escalation"));
    RolloutResult result = kit.result();

    assertEquals(ABORTED, result.outcome());
    assertTrue(result.reason().contains("customer escalation"), result.reason());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertEquals(0, kit.mode().orElseThrow().enforcePercent());
    assertTrue(
        kit.status().commands().stream()
            .anyMatch(c -> c.contains("paused by carol: holiday freeze")));
  }

  @Test
  void aWarnExtensionIsSleptThroughNotReadEveryPoll() {
    kit.start(script -> {});
    kit.awaitPhase(WARN);
    kit.workflow().extendWarn(new ExtendWarnInput(20, "alice", "quarter-end freeze"));
    long extendedUntil = kit.status().warnExtendedUntilMillis();
    int readsBefore = kit.gateReads();

    RolloutStatus normalizing = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);

    // Polling through 20 days would be 5,760 polls of two gates; only the extension's last window
    // (1 h, 12 polls) and the minimum duration's can decide anything.
    int reads = kit.gateReads() - readsBefore;
    assertTrue(reads < 100, "gate reads during a 20-day extension: " + reads);
    Transition entered =
        normalizing.transitions().stream()
            .filter(t -> t.phase() == Phase.NORMALIZE)
            .findFirst()
            .orElseThrow();
    assertTrue(
        entered.atMillis() >= extendedUntil,
        "NORMALIZE entered at " + entered.atMillis() + ", before the extension ended");
  }

  @Test
  void invalidCommandIsRefusedAndLeavesNoHistory() {
    kit.start(script -> {});
    kit.awaitPhase(WARN);

    WorkflowUpdateException nothingPending =
        assertThrows(
            WorkflowUpdateException.class,
            () -> kit.workflow().approve(new ApproveInput("migration", "alice", "looks fine")));
    WorkflowUpdateException noReason =
        assertThrows(
            WorkflowUpdateException.class,
            () -> kit.workflow().pause(new OperatorCommand("alice", " ")));
    WorkflowUpdateException notRolledBack =
        assertThrows(
            WorkflowUpdateException.class,
            () -> kit.workflow().retryCanary(new OperatorCommand("alice", "try again")));
    WorkflowUpdateException tooLong =
        assertThrows(
            WorkflowUpdateException.class,
            () -> kit.workflow().extendWarn(new ExtendWarnInput(90, "alice", "long holiday")));

    assertTrue(kit.updateEvents().isEmpty(), "update events in history: " + kit.updateEvents());
    assertTrue(
        message(nothingPending).contains("nothing named 'migration' awaits approval"),
        message(nothingPending));
    assertTrue(message(noReason).contains("why must say the reason"), message(noReason));
    assertTrue(
        message(notRolledBack).contains("retry-canary applies after a rollback"),
        message(notRolledBack));
    assertTrue(
        message(tooLong).contains("days must be between 1 and 30 but was 90"), message(tooLong));
    assertTrue(kit.status().commands().isEmpty());

    // The check above can fail: an accepted command does leave update events.
    kit.workflow().pause(new OperatorCommand("alice", "checking the audit"));
    assertTrue(!kit.updateEvents().isEmpty());
  }

  private static String message(WorkflowUpdateException e) {
    return String.valueOf(e.getCause().getMessage());
  }
}
