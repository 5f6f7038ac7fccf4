package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.WorkflowTarget;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight watch}: the status table, refreshed until the rollout ends. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    header = "Refresh a rollout's status until it ends.")
public final class WatchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin WorkflowTarget target;

  @Option(
      names = "--interval",
      defaultValue = "5",
      description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
  int interval;

  @Option(
      names = "--count",
      defaultValue = "100000",
      description = "Stop after this many refreshes (default ${DEFAULT-VALUE}).")
  int count;

  @Override
  public Integer call() throws InterruptedException {
    if (interval < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--interval must be at least 1 second but was " + interval);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RolloutClient client = RolloutClient.connect(connection)) {
      for (int i = 0; i < count; i++) {
        RolloutStatus status = client.rollout(target.workflowId).status();
        out.print("\033[H\033[2J");
        StatusTable.print(out, target.workflowId, status);
        if (status.phase().isTerminal()) {
          return 0;
        }
        Thread.sleep(interval * 1000L);
      }
      return 0;
    }
  }
}
