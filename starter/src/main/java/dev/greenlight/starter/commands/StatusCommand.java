package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.WorkflowTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight status}: the rollout's whole state from its {@code status} query. */
@Command(name = "status", header = "Show a rollout's state as a table, or as JSON.")
public final class StatusCommand extends ConnectedCommand {
  @Mixin WorkflowTarget target;

  @Option(
      names = "--json",
      description =
          "Print the status query's answer as JSON, with what each pending approval is about"
              + " (approvals).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (RolloutClient client = connectTemporal()) {
      RolloutStatus status = client.rollout(target.workflowId).status();
      if (json) {
        JsonOutput.printIndented(cli().getOut(), StatusJson.of(status));
      } else {
        StatusTable.print(cli().getOut(), target.workflowId, status);
      }
      return 0;
    }
  }
}
