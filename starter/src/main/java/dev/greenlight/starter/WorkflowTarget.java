package dev.greenlight.starter;

import dev.greenlight.rollout.RolloutConstants;
import picocli.CommandLine.Option;

/** Which rollout a command steers: a mixin with the workflow id, defaulting to the v3.4 plan's. */
public final class WorkflowTarget {
  @Option(
      names = {"-w", "--workflow-id"},
      defaultValue = RolloutConstants.DEFAULT_WORKFLOW_ID,
      description = "The rollout's workflow id, rollout-<plan name> (default ${DEFAULT-VALUE}).")
  public String workflowId;
}
