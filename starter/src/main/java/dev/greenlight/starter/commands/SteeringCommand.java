package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.OperatorCommand;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.Who;
import dev.greenlight.starter.WorkflowTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * A command sent to a running rollout as a Temporal update: the workflow's validator accepts it or
 * refuses it with a reason (exit 1, nothing recorded).
 */
abstract class SteeringCommand extends ReportingCommand {
  @Mixin WorkflowTarget target;
  @Mixin Who who;

  abstract CommandResult send(RolloutWorkflow rollout);

  /** Checks the command's own arguments before anything is sent; throws ParameterException. */
  void validate() {}

  OperatorCommand operator() {
    return new OperatorCommand(who.who, who.why);
  }

  @Override
  public Integer call() {
    validate();
    try (RolloutClient client = connectTemporal()) {
      CommandResult result = send(client.rollout(target.workflowId));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workflowId", target.workflowId);
      json.put("outcome", result.outcome());
      json.put("phase", result.phase());
      report(
          json,
          String.format(
              "%s: %s (phase %s)%n", target.workflowId, result.outcome(), result.phase()));
      return 0;
    }
  }
}
