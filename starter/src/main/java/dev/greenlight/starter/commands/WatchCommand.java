package dev.greenlight.starter.commands;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutResult;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.starter.ProgressOption;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.starter.WorkflowTarget;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code greenlight watch}: follows a rollout until it ends and exits with what happened (see
 * {@link WatchOutcome}): 0 only when it completed. On a terminal the status table is redrawn in
 * place; to a pipe or file it is printed once and then each new transition is one line; with {@code
 * --json} every refresh is one line of JSON.
 */
@Command(
    name = "watch",
    header = "Follow a rollout until it ends; exit 0 only when it completed.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  COMPLETED",
      "  1  no rollout with that id, or Temporal not answering",
      "  2  bad input",
      "  3  ABORTED",
      "  4  NEEDS_ATTENTION (the WARN exit ran out of days)",
      "  5  STOPPED (a pre-flight check failed)",
      "  6  the execution ended (terminated, failed, timed out) while ROLLED_BACK",
      "  7  the execution failed, was terminated, cancelled or timed out in another phase",
      "  8  --count refreshes done while the rollout still runs"
    })
public final class WatchCommand extends ReportingCommand {
  @Mixin WorkflowTarget target;
  @Mixin ProgressOption progress;

  @Option(
      names = "--interval",
      defaultValue = "5",
      description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
  int interval;

  @Option(
      names = "--count",
      defaultValue = "100000",
      description = "Stop after this many refreshes, exit 8 (default ${DEFAULT-VALUE}).")
  int count;

  @Override
  public Integer call() throws InterruptedException {
    if (interval < 1) {
      throw new CommandLine.ParameterException(
          cli(), "--interval must be at least 1 second but was " + interval);
    }
    OptionBounds.requireAtLeastOne(cli(), "--count", count);
    PrintWriter out = cli().getOut();
    WatchPrinter printer =
        output.json
            ? WatchPrinter.jsonLines(out, target.workflowId)
            : progress.redraws()
                ? WatchPrinter.redrawn(out, target.workflowId)
                : WatchPrinter.plainLines(out, target.workflowId);
    try (RolloutClient client = connectTemporal()) {
      WorkflowStub execution = client.client().newUntypedWorkflowStub(target.workflowId);
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          Thread.sleep(interval * 1000L);
        }
        RolloutStatus status = readStatus(client, execution);
        if (status != null) {
          printer.status(status);
        }
        WatchOutcome outcome = outcome(execution, status);
        if (outcome != null) {
          printer.end(outcome, status);
          return outcome.exitCode;
        }
      }
      printer.end(WatchOutcome.STILL_RUNNING, null);
      return WatchOutcome.STILL_RUNNING.exitCode;
    }
  }

  /**
   * The rollout's status, or null when a closed execution cannot answer the query (no worker to
   * replay it); an unknown workflow id fails the command (exit 1).
   */
  private RolloutStatus readStatus(RolloutClient client, WorkflowStub execution) {
    try {
      return client.rollout(target.workflowId).status();
    } catch (WorkflowNotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      if (describe(execution) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw e;
      }
      return null;
    }
  }

  /** How the rollout ended, or null while it runs. */
  private static WatchOutcome outcome(WorkflowStub execution, RolloutStatus status) {
    if (status != null && status.phase().isTerminal()) {
      return WatchOutcome.ofTerminalPhase(status.phase());
    }
    WorkflowExecutionStatus closed = describe(execution);
    return switch (closed) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING, WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW -> null;
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> {
        Phase ended = execution.getResult(RolloutResult.class).outcome();
        yield ended.isTerminal()
            ? WatchOutcome.ofTerminalPhase(ended)
            : WatchOutcome.ofClosedExecution(ended);
      }
      default -> WatchOutcome.ofClosedExecution(status == null ? null : status.phase());
    };
  }

  private static WorkflowExecutionStatus describe(WorkflowStub execution) {
    return execution.describe().getStatus();
  }
}
