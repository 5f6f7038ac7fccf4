package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.COMPLETED;
import static dev.greenlight.rollout.Phase.NORMALIZE;
import static dev.greenlight.rollout.Phase.OFF;
import static dev.greenlight.rollout.Phase.PREFLIGHT;
import static dev.greenlight.rollout.Phase.ROLLED_BACK;
import static dev.greenlight.rollout.Phase.SOAK;
import static dev.greenlight.rollout.Phase.WARN;
import static dev.greenlight.rollout.Phase.WARN_EXIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios 7, 8, 9 and 12: rollback on error spike, alert, metrics outage, a new worker. */
class RolloutWorkflowCanaryTest extends RolloutKitTest {
  private void reachCanary(int percent) {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));
    kit.awaitStatus(
        s -> s.phase() == CANARY && s.percent() == percent,
        Duration.ofDays(2),
        Duration.ofMinutes(10));
  }

  @Test
  void errorSpikeAtTenPercentRollsBackExtendsWarnAndRetryCompletes() {
    reachCanary(10);
    GateSpec errors = Scenarios.gate(kit.plan, "error-rate");
    kit.bend(errors.query(), 0.01);

    RolloutStatus rolledBack =
        kit.awaitStatus(s -> s.phase() == ROLLED_BACK, Duration.ofHours(1), Duration.ofMinutes(1));
    ModeRecord mode = kit.mode().orElseThrow();
    assertEquals(ValidationMode.WARN, mode.mode());
    assertEquals(0, mode.enforcePercent());
    assertEquals(
        Duration.ofDays(7).toMillis(),
        rolledBack.warnExtendedUntilMillis() - rolledBack.phaseStartedAtMillis());

    OperatorCommand retry = new OperatorCommand("alice", "alias map extended");
    WorkflowUpdateException early =
        assertThrows(WorkflowUpdateException.class, () -> kit.workflow().retryCanary(retry));
    assertTrue(
        String.valueOf(early.getCause().getMessage()).contains("WARN is extended until"),
        early.getCause().getMessage());

    kit.bend(errors.query(), errors.threshold() / 4);
    kit.env.sleep(Duration.ofDays(7));
    kit.workflow().retryCanary(retry);
    RolloutResult result = kit.result();

    assertEquals(COMPLETED, result.outcome(), result.reason());
    assertEquals(
        List.of(
            PREFLIGHT,
            OFF,
            WARN,
            NORMALIZE,
            CANARY,
            ROLLED_BACK,
            CANARY,
            SOAK,
            WARN_EXIT,
            COMPLETED),
        RolloutTestKit.phases(result.transitions()));
    assertEquals(
        List.of(
            "off 0", "warn 0", "enforce 10", "warn 0", "enforce 10", "enforce 50", "enforce 100"),
        RolloutTestKit.flips(result.transitions()));
  }

  @Test
  void autoDowngradeDuringFiftyPercentGoesToWarnAtOnce() {
    reachCanary(50);
    long before = kit.env.currentTimeMillis();

    kit.workflow()
        .autoDowngrade(
            new AlertSignal(
                "StageEnforceErrorSpike", "fp-1", "errors 0.4%", "2026-11-25T10:00:00Z", false));
    RolloutStatus status =
        kit.awaitStatus(
            s -> s.phase() == ROLLED_BACK, Duration.ofMinutes(5), Duration.ofSeconds(10));

    assertTrue(
        status.nowMillis() - before <= Duration.ofMinutes(1).toMillis(),
        "took " + (status.nowMillis() - before) + "ms");
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertTrue(
        status
            .transitions()
            .get(status.transitions().size() - 1)
            .reason()
            .contains("StageEnforceErrorSpike"));
  }

  /**
   * Gates unreadable in ENFORCE: never promoted, paused after three failed reads, and — ENFORCE
   * must not run blind — downgraded to warn. Once reads succeed the pause lifts by itself, the step
   * is entered again after a fresh WARN verdict, its window re-earns, and the rollout completes.
   */
  @Test
  void metricsOutageInEnforceNeverPromotesGoesToWarnAndReEntersWhenReadsSucceed() {
    reachCanary(10);
    for (GateSpec gate : kit.plan.canary().gates()) {
      kit.fail(gate.query());
    }

    RolloutStatus paused =
        kit.awaitStatus(RolloutStatus::paused, Duration.ofHours(1), Duration.ofMinutes(1));
    assertEquals("METRICS", paused.pauseCause());
    assertTrue(paused.pauseReason().contains("gate reads in a row failed"), paused.pauseReason());
    kit.env.sleep(Duration.ofHours(6)); // far past the step's minimum: still no promotion
    assertEquals(CANARY, kit.status().phase());
    assertEquals(0, kit.status().canaryStep());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode(), "never ENFORCE blind");

    for (GateSpec gate : kit.plan.canary().gates()) {
      kit.bend(gate.query(), gate.threshold() / 4);
    }
    RolloutStatus back =
        kit.awaitStatus(
            s -> !s.paused() && s.mode() == ValidationMode.ENFORCE,
            Duration.ofHours(1),
            Duration.ofMinutes(5));
    assertEquals(10, back.percent());
    assertEquals(COMPLETED, kit.result().outcome());
  }

  @Test
  void promoteSkipsTheMinimumOnlyOnceTheWindowIsGreenUnlessForced() {
    reachCanary(10);
    PromoteInput early = new PromoteInput("alice", "customer waiting", false);
    WorkflowUpdateException refused =
        assertThrows(WorkflowUpdateException.class, () -> kit.workflow().promote(early));
    assertTrue(
        String.valueOf(refused.getCause().getMessage())
            .contains("of the 30m window; wait, or force with a reason"),
        refused.getCause().getMessage());

    kit.env.sleep(Duration.ofMinutes(40));
    kit.workflow().promote(early);
    RolloutStatus promoted =
        kit.awaitStatus(s -> s.percent() == 50, Duration.ofMinutes(30), Duration.ofMinutes(1));
    long stepOne = firstAtPercent(promoted, 10);
    long stepTwo = firstAtPercent(promoted, 50);
    assertTrue(
        stepTwo - stepOne < Duration.ofHours(2).toMillis(), "promoted before the 2h minimum");
    // Whoever reads the transitions (status, the fuzz oracle) learns why the step was short.
    assertTrue(
        promoted.transitions().stream()
            .anyMatch(
                t ->
                    t.reason()
                        .contains(
                            "step 10% promoted: before its minimum, asked by alice (customer"
                                + " waiting), every gate green for")),
        promoted.transitions().toString());

    kit.workflow().promote(new PromoteInput("alice", "go-live deadline agreed with VP", true));
    RolloutStatus forced =
        kit.awaitStatus(s -> s.phase() == SOAK, Duration.ofMinutes(30), Duration.ofMinutes(1));
    assertTrue(
        forced.transitions().stream()
            .anyMatch(t -> t.reason().contains("forced by alice: go-live deadline")));
  }

  /** When the rollout first stood at {@code percent}, per the transitions. */
  private static long firstAtPercent(RolloutStatus status, int percent) {
    return status.transitions().stream()
        .filter(t -> t.percent() == percent)
        .findFirst()
        .orElseThrow()
        .atMillis();
  }
}
