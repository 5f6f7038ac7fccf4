package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.NEEDS_ATTENTION;
import static dev.greenlight.rollout.Phase.NORMALIZE;
import static dev.greenlight.rollout.Phase.WARN;
import static dev.greenlight.rollout.Phase.WARN_EXIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenarios 4 and 11: ENFORCE blocked by unknowns; a WARN exit that never gets its good week. */
class RolloutWorkflowGateScenariosTest extends RolloutKitTest {
  @Test
  void unknownsAtOnePercentForTenMinutesBlockEnforceUntilTheyDrop() {
    String unknown = kit.plan.warn().unknownRate().query();
    kit.start(script -> script.value(unknown, Duration.ZERO, 0.013));

    RolloutStatus blocked =
        kit.awaitStatus(RolloutStatus::enforceBlocked, Duration.ofDays(6), Duration.ofHours(1));
    assertEquals(WARN, blocked.phase());
    kit.env.sleep(Duration.ofDays(3)); // well past the minimum: still held
    assertEquals(WARN, kit.status().phase());
    assertTrue(kit.status().enforceBlocked());

    kit.bend(unknown, 0.002);
    RolloutStatus moved = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    assertEquals(NORMALIZE, moved.phase());
    assertFalse(moved.enforceBlocked());
    assertTrue(
        moved.transitions().stream().anyMatch(t -> t.reason().startsWith("ENFORCE blocked")));
    assertTrue(
        moved.transitions().stream().anyMatch(t -> t.reason().equals("ENFORCE no longer blocked")));
    // Green for the whole window after the drop, not the moment it dropped.
    long unblockedAt =
        moved.transitions().stream()
            .filter(t -> t.reason().equals("ENFORCE no longer blocked"))
            .findFirst()
            .orElseThrow()
            .atMillis();
    long normalizeAt =
        moved.transitions().stream()
            .filter(t -> t.phase() == NORMALIZE)
            .findFirst()
            .orElseThrow()
            .atMillis();
    assertTrue(
        normalizeAt - unblockedAt >= Duration.ofMinutes(50).toMillis(),
        (normalizeAt - unblockedAt) + "ms");
  }

  @Test
  void warnExitWithoutSevenGoodDaysNeedsAttentionAtDayThirtyAndKeepsTheMode() {
    kit.start(
        script -> script.value(kit.plan.warnExit().unknownRate().query(), Duration.ZERO, 0.009));
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow().approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "ok"));
    RolloutStatus exiting = kit.awaitPhase(WARN_EXIT);

    RolloutResult result = kit.result();

    assertEquals(NEEDS_ATTENTION, result.outcome());
    long endedAt = result.transitions().get(result.transitions().size() - 1).atMillis();
    assertEquals(30, Duration.ofMillis(endedAt - exiting.phaseStartedAtMillis()).toDays());
    assertEquals(ValidationMode.ENFORCE, kit.mode().orElseThrow().mode());
    assertEquals(100, kit.mode().orElseThrow().enforcePercent());
    assertTrue(result.maxEventsPerRun() < 4096, "events per run: " + result.maxEventsPerRun());
  }
}
