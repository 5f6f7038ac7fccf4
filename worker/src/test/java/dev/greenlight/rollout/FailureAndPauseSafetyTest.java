package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.NORMALIZE;
import static dev.greenlight.rollout.Phase.ROLLED_BACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Failures and pauses (issue 11, items 5 and 6; safety invariant 9): no activity failure ends the
 * execution or leaves ENFORCE on with nobody told, and a paused ENFORCE canary is still protected.
 */
class FailureAndPauseSafetyTest extends RolloutKitTest {
  private static AlertSignal alert() {
    return new AlertSignal(
        "StageEnforceErrorSpike", "fp-7", "5xx at 0.4%", "2026-11-30T10:00:00Z", false);
  }

  /** Item 5: the rollback's own flip fails for an hour; it is retried until it lands. */
  @Test
  void aRollbackFlipThatFailsIsRetriedUntilItLandsAndTheExecutionLivesOn() {
    kit.reachCanary(10);
    kit.modes.failFlipsTo(ValidationMode.WARN);

    kit.workflow().autoDowngrade(alert());
    kit.env.sleep(Duration.ofHours(1));

    RolloutStatus pending = kit.status();
    assertEquals(ROLLED_BACK, pending.phase(), pending.transitions().toString());
    assertNotNull(pending.pendingDowngrade(), "status shows the downgrade being retried");
    assertTrue(pending.downgradeAttempts() > 3, "attempts: " + pending.downgradeAttempts());
    assertEquals(ValidationMode.ENFORCE, kit.mode().orElseThrow().mode(), "the fault is real");

    kit.modes.heal();
    RolloutStatus landed =
        kit.awaitStatus(
            s -> s.pendingDowngrade() == null, Duration.ofMinutes(10), Duration.ofSeconds(30));
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertEquals(ValidationMode.WARN, landed.mode());
  }

  /** Item 5: an abort in ENFORCE while Redis refuses writes ends ABORTED only once warn landed. */
  @Test
  void anAbortInEnforceEndsOnlyAfterItsDowngradeLanded() {
    kit.reachCanary(10);
    kit.modes.failFlipsTo(ValidationMode.WARN);
    kit.workflow().abort(new OperatorCommand("alice", "not this quarter"));
    kit.env.sleep(Duration.ofMinutes(30));
    assertEquals(CANARY, kit.status().phase());
    assertNotNull(kit.status().pendingDowngrade());

    kit.modes.heal();
    RolloutResult result = kit.result();
    assertEquals(Phase.ABORTED, result.outcome());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
  }

  /** Item 5: a dry run that fails for good used to fail the execution. */
  @Test
  void aDryRunThatFailsForGoodPausesAndResumeRunsItAgain() {
    kit.data.dryRunFails = true;
    kit.start(script -> {});

    kit.awaitFailurePause(NORMALIZE, "permission denied");

    kit.data.dryRunFails = false;
    kit.workflow().resume(new OperatorCommand("bob", "granted SELECT to greenlight"));
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
  }

  /** Item 5: the flip into ENFORCE fails for good; the mode is made warn and the rollout pauses. */
  @Test
  void anEnforceFlipThatFailsForGoodLeavesWarnPausesAndResumesIntoTheStep() {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.modes.failFlipsTo(ValidationMode.ENFORCE);
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));

    RolloutStatus paused =
        kit.awaitStatus(RolloutStatus::paused, Duration.ofDays(1), Duration.ofMinutes(10));
    assertEquals(CANARY, paused.phase());
    assertTrue(paused.pauseReason().contains("flip to enforce 10% failed"), paused.pauseReason());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());

    kit.modes.heal();
    kit.workflow().resume(new OperatorCommand("bob", "Redis failover done"));
    RolloutStatus entered =
        kit.awaitStatus(
            s -> s.mode() == ValidationMode.ENFORCE, Duration.ofHours(2), Duration.ofMinutes(5));
    assertEquals(10, entered.percent());
  }

  /** Item 6: a breach while paused by hand still rolls back; the pause no longer blinds. */
  @Test
  void aBreachWhilePausedStillRollsBack() {
    kit.reachCanary(10);
    kit.workflow().pause(new OperatorCommand("alice", "looking at a dashboard"));
    kit.env.sleep(Duration.ofMinutes(10));
    GateSpec errors = Scenarios.gate(kit.plan, "error-rate");
    kit.bend(errors.query(), 0.01);

    RolloutStatus rolledBack =
        kit.awaitStatus(
            s -> s.phase() == ROLLED_BACK, Duration.ofMinutes(30), Duration.ofMinutes(1));
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertTrue(rolledBack.paused(), "a manual pause stays manual");
  }

  /** Item 6: paused by hand, the gates go dark: ENFORCE still does not run blind. */
  @Test
  void gatesUnreadableWhilePausedByHandStillLeaveEnforce() {
    kit.reachCanary(10);
    kit.workflow().pause(new OperatorCommand("alice", "looking at a dashboard"));
    for (GateSpec gate : kit.plan.canary().gates()) {
      kit.fail(gate.query());
    }

    kit.awaitStatus(
        s -> s.mode() == ValidationMode.WARN, Duration.ofMinutes(30), Duration.ofMinutes(1));
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertTrue(kit.status().paused());
  }

  /** Item 6: an alert while paused rolls back within one poll. */
  @Test
  void anAlertWhilePausedRollsBackAtOnce() {
    kit.reachCanary(10);
    kit.workflow().pause(new OperatorCommand("alice", "looking at a dashboard"));
    long before = kit.env.currentTimeMillis();

    kit.workflow().autoDowngrade(alert());
    RolloutStatus rolledBack =
        kit.awaitStatus(
            s -> s.phase() == ROLLED_BACK, Duration.ofMinutes(5), Duration.ofSeconds(10));
    assertTrue(rolledBack.nowMillis() - before <= kit.plan.pollInterval().toMillis());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
  }

  /** Item 6: a pause for failed reads in WARN lifts by itself once reads succeed. */
  @Test
  void aPauseForFailedReadsLiftsItselfWhenReadsSucceed() {
    kit.start(script -> {});
    kit.sleepIntoWarnReads();
    String warnUnknown = kit.plan.warn().unknownRate().query();
    kit.fail(warnUnknown);
    RolloutStatus paused =
        kit.awaitStatus(RolloutStatus::paused, Duration.ofHours(1), Duration.ofMinutes(5));
    assertEquals("METRICS", paused.pauseCause());

    kit.bend(warnUnknown, 0.002);
    RolloutStatus lifted =
        kit.awaitStatus(s -> !s.paused(), Duration.ofMinutes(30), Duration.ofMinutes(5));
    assertNull(lifted.pauseReason());
    assertTrue(
        lifted.transitions().stream().anyMatch(t -> t.reason().startsWith("resumed: gate reads")),
        lifted.transitions().toString());
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
  }

  /** A person resumes while the canary's gates are still down: ENFORCE waits until they read. */
  @Test
  void aResumeWhileTheGatesAreStillDownDoesNotEnterEnforceBlind() {
    kit.reachCanary(10);
    for (GateSpec gate : kit.plan.canary().gates()) {
      kit.fail(gate.query());
    }
    kit.awaitStatus(
        s -> s.paused() && s.mode() == ValidationMode.WARN,
        Duration.ofHours(1),
        Duration.ofMinutes(5));

    kit.workflow().resume(new OperatorCommand("bob", "I think it is back"));
    kit.env.sleep(Duration.ofHours(2));

    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode(), "entered ENFORCE blind");
    assertTrue(kit.status().enforceHeld().contains("cannot be read"), kit.status().enforceHeld());
  }

  /**
   * The WARN verdict's own reads fail while the canary's read: the rollout holds in warn and says
   * why, without pausing and lifting in turn (it did every 15 minutes).
   */
  @Test
  void anUnreadableWarnVerdictHoldsInWarnWithoutFlapping() {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.fail(kit.plan.warn().unknownRate().query());
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));
    kit.env.sleep(Duration.ofHours(12));

    RolloutStatus held = kit.status();
    assertEquals(CANARY, held.phase());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertTrue(held.enforceHeld().contains("WARN verdict cannot be read"), held.enforceHeld());
    long resumes =
        held.transitions().stream().filter(t -> t.reason().startsWith("resumed:")).count();
    assertTrue(resumes <= 1, resumes + " pause/resume pairs: " + held.transitions());
  }

  /** A plan that says {@code resumeAfterMetricsOutage: false} leaves the resume to a person. */
  @Test
  void aPlanCanLeaveTheResumeAfterAnOutageToAPerson() {
    RolloutPlan p = RolloutTestKit.loadPlan();
    RolloutPlan manual = p.withResumeAfterMetricsOutage(false).withNotifications(null);
    try (RolloutTestKit own = new RolloutTestKit(manual, false)) {
      own.start(script -> {});
      own.sleepIntoWarnReads();
      String warnUnknown = own.plan.warn().unknownRate().query();
      own.fail(warnUnknown);
      own.awaitStatus(RolloutStatus::paused, Duration.ofHours(1), Duration.ofMinutes(5));
      own.bend(warnUnknown, 0.002);
      own.env.sleep(Duration.ofHours(6));

      RolloutStatus still = own.status();
      assertTrue(still.paused(), "lifted by itself: " + still.transitions());
      assertTrue(still.pauseReason().contains("resume when metrics are back"), still.pauseReason());
      own.workflow().resume(new OperatorCommand("bob", "Prometheus is back"));
      own.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    }
  }
}
