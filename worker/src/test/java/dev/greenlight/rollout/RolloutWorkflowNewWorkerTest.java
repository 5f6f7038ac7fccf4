package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.CANARY;
import static dev.greenlight.rollout.Phase.COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.testing.WorkflowReplayer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 12: a new worker picks up mid-canary. Temporal's in-process test server keeps handing
 * tasks to a killed worker's abandoned polls, so instead of killing one this runs on a worker with
 * no workflow cache — every workflow task is handled by rebuilding the rollout from its history
 * alone, exactly what a freshly started worker does — and replays the mid-canary history on a
 * brand-new replayer.
 */
class RolloutWorkflowNewWorkerTest {
  private final RolloutTestKit kit = new RolloutTestKit(RolloutTestKit.loadPlan(), true);

  @AfterEach
  void close(org.junit.jupiter.api.TestInfo test) {
    kit.recordHistory(test.getTestMethod().orElseThrow().getName());
    kit.close();
  }

  @Test
  void aWorkerWithOnlyTheHistoryCarriesTheCanaryToCompletion() throws Exception {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow().approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "ok"));
    kit.awaitStatus(
        s -> s.phase() == CANARY && s.percent() == 10, Duration.ofDays(2), Duration.ofMinutes(10));

    WorkflowReplayer.replayWorkflowExecution(
        kit.env.getWorkflowClient().fetchHistory(kit.workflowId), RolloutWorkflowImpl.class);

    RolloutResult result = kit.result();
    assertEquals(COMPLETED, result.outcome());
    assertEquals(
        List.of("off 0", "warn 0", "enforce 10", "enforce 50", "enforce 100"),
        RolloutTestKit.flips(result.transitions()));
  }
}
