package dev.greenlight.rollout;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * How a rollout is started: its workflow id on {@link RolloutConstants#TASK_QUEUE}, the queue every
 * worker polls. One home for what the CLI, rehearsal, fuzzing and the tests would otherwise each
 * spell out.
 */
public final class RolloutWorkflowOptions {
  private RolloutWorkflowOptions() {}

  /**
   * Options for the rollout {@code workflowId} on the rollouts' task queue; a caller adds what only
   * it knows (a summary, details) before building.
   */
  public static WorkflowOptions.Builder newBuilder(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(RolloutConstants.TASK_QUEUE);
  }

  /**
   * Starts the rollout {@code input} describes as {@code workflowId} and returns a stub bound to
   * the id alone, so its queries, signals and updates reach whichever run of the chain is current
   * after the workflow continues as new.
   */
  public static RolloutWorkflow start(
      WorkflowClient client, String workflowId, RolloutInput input) {
    RolloutWorkflow starting =
        client.newWorkflowStub(RolloutWorkflow.class, newBuilder(workflowId).build());
    WorkflowClient.start(starting::run, input);
    return client.newWorkflowStub(RolloutWorkflow.class, workflowId);
  }
}
