package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.Test;

class RolloutWorkflowOptionsTest {
  @Test
  void aRolloutRunsUnderItsIdOnTheQueueEveryWorkerPolls() {
    WorkflowOptions options = RolloutWorkflowOptions.newBuilder("rollout-plan-a").build();
    assertEquals("rollout-plan-a", options.getWorkflowId());
    assertEquals(RolloutConstants.TASK_QUEUE, options.getTaskQueue());
  }

  @Test
  void aCallerAddsWhatOnlyItKnowsWithoutLosingIdOrQueue() {
    WorkflowOptions options =
        RolloutWorkflowOptions.newBuilder("rollout-plan-a").setStaticSummary("by alice").build();
    assertEquals("by alice", options.getStaticSummary());
    assertEquals("rollout-plan-a", options.getWorkflowId());
    assertEquals(RolloutConstants.TASK_QUEUE, options.getTaskQueue());
  }
}
