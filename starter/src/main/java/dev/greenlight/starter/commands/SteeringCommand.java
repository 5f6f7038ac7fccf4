package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.OperatorCommand;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.Who;
import dev.greenlight.starter.WorkflowTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command sent to a running rollout as a Temporal update: the workflow's validator accepts it or
 * refuses it with a reason (exit 1, nothing recorded).
 */
abstract class SteeringCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin WorkflowTarget target;
  @Mixin Who who;
  @Mixin JsonOutput output;

  abstract CommandResult send(RolloutWorkflow rollout);

  /** Checks the command's own arguments before anything is sent; throws ParameterException. */
  void validate() {}

  OperatorCommand operator() {
    return new OperatorCommand(who.who, who.why);
  }

  @Override
  public Integer call() {
    validate();
    try (RolloutClient client = RolloutClient.connect(connection)) {
      CommandResult result = send(client.rollout(target.workflowId));
      if (output.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workflowId", target.workflowId);
        json.put("outcome", result.outcome());
        json.put("phase", result.phase());
        JsonOutput.print(spec.commandLine().getOut(), json);
        return 0;
      }
      spec.commandLine()
          .getOut()
          .printf("%s: %s (phase %s)%n", target.workflowId, result.outcome(), result.phase());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
