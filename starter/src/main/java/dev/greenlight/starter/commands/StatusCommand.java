package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.WorkflowTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight status}: the rollout's whole state from its {@code status} query. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Show a rollout's state as a table, or as JSON.")
public final class StatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin WorkflowTarget target;

  @Option(
      names = "--json",
      description =
          "Print the status query's answer as JSON, with what each pending approval is about"
              + " (approvals).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (RolloutClient client = RolloutClient.connect(connection)) {
      RolloutStatus status = client.rollout(target.workflowId).status();
      if (json) {
        JsonOutput.printIndented(spec.commandLine().getOut(), StatusJson.of(status));
      } else {
        StatusTable.print(spec.commandLine().getOut(), target.workflowId, status);
      }
      return 0;
    }
  }
}
