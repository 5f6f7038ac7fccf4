package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.COMPLETED;
import static dev.greenlight.rollout.Phase.NORMALIZE;
import static dev.greenlight.rollout.Phase.OFF;
import static dev.greenlight.rollout.Phase.PREFLIGHT;
import static dev.greenlight.rollout.Phase.SOAK;
import static dev.greenlight.rollout.Phase.WARN;
import static dev.greenlight.rollout.Phase.WARN_EXIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutWorkflowHappyPathTest extends RolloutKitTest {
  @Test
  void healthyRolloutRunsEveryPhaseInOrderAndCompletes() {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run reviewed"));

    RolloutResult result = kit.result();

    assertEquals(COMPLETED, result.outcome(), result.reason());
    assertEquals(
        List.of(PREFLIGHT, OFF, WARN, NORMALIZE, CANARY, SOAK, WARN_EXIT, COMPLETED),
        RolloutTestKit.phases(result.transitions()));
    assertEquals(
        List.of("off 0", "warn 0", "enforce 10", "enforce 50", "enforce 100"),
        RolloutTestKit.flips(result.transitions()));
    assertEquals(ValidationMode.ENFORCE, kit.mode().orElseThrow().mode());
    assertEquals(100, kit.mode().orElseThrow().enforcePercent());
    assertEquals(1, kit.data.applyCalls.get());
    assertTrue(result.maxEventsPerRun() < 4096, "events per run: " + result.maxEventsPerRun());
  }

  @Test
  void everyModeFlipIsVersionedAndAudited() {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow().approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "ok"));
    kit.result();

    List<String> audited =
        kit.jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT new_mode || ' ' || new_percent || ' v' || version FROM mode_change_audit ORDER BY version")
                    .mapTo(String.class)
                    .list());
    assertEquals(
        List.of("off 0 v1", "warn 0 v2", "enforce 10 v3", "enforce 50 v4", "enforce 100 v5"),
        audited);
    assertEquals(5, kit.store.history(kit.plan.surface(), 100).size());
  }
}
