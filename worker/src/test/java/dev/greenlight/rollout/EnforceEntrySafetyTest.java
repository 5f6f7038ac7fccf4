package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.ROLLED_BACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When ENFORCE may be written (issue 11, items 3 and 4; safety invariants 3 and 8): only on a WARN
 * verdict read at that moment, and never over a record someone else wrote.
 */
class EnforceEntrySafetyTest extends RolloutKitTest {
  private static final long MIN = 60_000;

  /** Item 3, as observed: retry-canary flipped ENFORCE 10 % while WARN unknowns sat at 0.8 %. */
  @Test
  void retryCanaryHoldsInWarnUntilAFreshWarnVerdictIsGreen() {
    kit.reachCanary(10);
    GateSpec errors = Scenarios.gate(kit.plan, "error-rate");
    kit.bend(errors.query(), 0.01);
    kit.awaitStatus(s -> s.phase() == ROLLED_BACK, Duration.ofHours(1), Duration.ofMinutes(1));
    kit.bend(errors.query(), errors.threshold() / 4);
    String warnUnknown = kit.plan.warn().unknownRate().query();
    kit.bend(warnUnknown, 0.008); // over the 0.5 % gate, under the 1 % block
    kit.env.sleep(Duration.ofDays(7));

    kit.workflow().retryCanary(new OperatorCommand("alice", "alias map extended"));
    kit.env.sleep(Duration.ofHours(3));

    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode(), "ENFORCE on a red verdict");
    RolloutStatus held = kit.status();
    assertEquals(CANARY, held.phase());
    assertNotNull(held.enforceHeld(), "status says why ENFORCE waits");
    assertTrue(held.enforceHeld().contains("unknown-rate"), held.enforceHeld());

    long greenFrom = kit.env.currentTimeMillis();
    kit.bend(warnUnknown, 0.002);
    RolloutStatus entered =
        kit.awaitStatus(
            s -> s.mode() == ValidationMode.ENFORCE, Duration.ofHours(3), Duration.ofMinutes(5));
    long at = RolloutTestKit.flippedToEnforceAt(entered, 10);
    assertTrue(
        at >= greenFrom + kit.plan.warn().window().toMillis(),
        "ENFORCE " + (at - greenFrom) / MIN + "m after unknowns dropped; the WARN window is 1h");
  }

  /**
   * Item 3, the first canary: unknowns rose to 0.8 % while the migration waited three days for its
   * approval. The WARN verdict from before the wait does not count.
   */
  @Test
  void theFirstCanaryReadsAFreshWarnVerdictAfterALongApprovalWait() {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.bend(kit.plan.warn().unknownRate().query(), 0.008);
    kit.env.sleep(Duration.ofDays(3));

    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));
    kit.env.sleep(Duration.ofHours(6));

    RolloutStatus held = kit.status();
    assertEquals(CANARY, held.phase(), held.transitions().toString());
    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertNotNull(held.enforceHeld());
  }

  /**
   * Item 4, as read in the code: the webhook wrote warn but its signal was lost. At the next
   * promotion the workflow re-read the record and wrote ENFORCE 50 % over it. Now it leaves the
   * foreign warn in place and rolls back with the writer's reason.
   */
  @Test
  void aWarnSomeoneElseWroteIsNeverOverwrittenAndCountsAsARollback() {
    kit.reachCanary(10);
    ModeRecord ours = kit.mode().orElseThrow();
    kit.store.compareAndSet(
        kit.plan.surface(),
        ours.version(),
        new ModeChange(
            ValidationMode.WARN,
            0,
            "ops-webhook",
            "alert StageEnforceErrorSpike asked to downgrade"));

    RolloutStatus after =
        kit.awaitStatus(s -> s.phase() == ROLLED_BACK, Duration.ofHours(4), Duration.ofMinutes(5));

    ModeRecord now = kit.mode().orElseThrow();
    assertEquals(ValidationMode.WARN, now.mode());
    assertEquals("ops-webhook", now.changedBy(), "nothing wrote over the webhook's warn");
    assertEquals(ours.version() + 1, now.version());
    assertTrue(
        after.transitions().stream().anyMatch(t -> t.reason().contains("ops-webhook")),
        after.transitions().toString());
    List<Integer> enforced =
        kit.jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT new_percent FROM mode_change_audit WHERE new_mode = 'enforce'"
                            + " AND version > :v")
                    .bind("v", ours.version())
                    .mapTo(Integer.class)
                    .list());
    assertEquals(List.of(), enforced, "no ENFORCE version after the foreign warn");
  }

  /**
   * The webhook's warn lands in the soak and its signal is lost. No flip comes after the soak, so
   * the soak's end asks the record itself: the rollout rolls back instead of reporting ENFORCE 100
   * % into the WARN exit while Redis says warn.
   */
  @Test
  void aWarnSomeoneElseWroteInTheSoakIsSeenAtTheSoaksEnd() {
    kit.reachCanary(10);
    kit.awaitStatus(s -> s.phase() == Phase.SOAK, Duration.ofHours(8), Duration.ofMinutes(10));
    kit.env.sleep(Duration.ofHours(1));
    ModeRecord ours = kit.mode().orElseThrow();
    kit.store.compareAndSet(
        kit.plan.surface(),
        ours.version(),
        new ModeChange(ValidationMode.WARN, 0, "ops-webhook", "alert asked to downgrade"));

    RolloutStatus after =
        kit.awaitStatus(s -> s.phase() == ROLLED_BACK, Duration.ofDays(2), Duration.ofHours(1));

    assertEquals(ValidationMode.WARN, kit.mode().orElseThrow().mode());
    assertEquals("ops-webhook", kit.mode().orElseThrow().changedBy());
    assertTrue(
        after.transitions().stream().noneMatch(t -> t.phase() == Phase.WARN_EXIT),
        after.transitions().toString());
  }
}
