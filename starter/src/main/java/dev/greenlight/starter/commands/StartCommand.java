package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.RolloutWorkflowOptions;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.PlanOption;
import dev.greenlight.starter.RolloutClient;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight start}: starts a rollout of a plan; a worker must be running to carry it. */
@Command(name = "start", header = "Start a rollout of a plan as a durable workflow.")
public final class StartCommand extends ReportingCommand {
  @Mixin PlanOption plan;

  @Option(
      names = "--who",
      defaultValue = "${env:USER:-unknown}",
      description = "Who starts it (default: $USER).")
  String who;

  @Override
  public Integer call() {
    RolloutPlan parsed = plan.load(cli());
    String id = RolloutConstants.workflowId(parsed.name());
    try (RolloutClient client = connectTemporal()) {
      RolloutWorkflow rollout =
          client
              .client()
              .newWorkflowStub(
                  RolloutWorkflow.class,
                  RolloutWorkflowOptions.newBuilder(id)
                      .setStaticSummary("Rollout of " + parsed.name() + " started by " + who)
                      .setStaticDetails(staticDetails(parsed))
                      .build());
      var execution = WorkflowClient.start(rollout::run, new RolloutInput(parsed, who, null));
      report(
          Map.of(
              "workflowId",
              id,
              "runId",
              execution.getRunId(),
              "taskQueue",
              RolloutConstants.TASK_QUEUE),
          String.format(
              "started %s (run %s) on task queue %s%nfollow it with: greenlight watch -w %s%n",
              id, execution.getRunId(), RolloutConstants.TASK_QUEUE, id));
      return 0;
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new IllegalStateException(
          "a rollout of plan "
              + parsed.name()
              + " is already running as "
              + id
              + "; watch it with `greenlight status -w "
              + id
              + "` or abort it first",
          e);
    }
  }

  /**
   * The Markdown the Temporal UI shows under Details: what the rollout changes, and how a person
   * steers it from the UI (the same updates the CLI sends, with their JSON input).
   */
  static String staticDetails(RolloutPlan plan) {
    return "**Surface** `"
        + plan.surface()
        + "` · endpoints "
        + String.join(", ", plan.endpoints())
        + "\n\n**Steer from the UI** (More Actions → Send an Update): `approve`"
        + " `{\"step\": \"migration\", \"who\": \"you\", \"why\": \"…\"}`; `pause`, `resume`,"
        + " `abort`, `retryCanary` `{\"who\": \"you\", \"why\": \"…\"}`; `promote`"
        + " `{\"who\": \"you\", \"why\": \"…\", \"force\": false}`; `extendWarn`"
        + " `{\"days\": 7, \"who\": \"you\", \"why\": \"…\"}`. Live state: Current Details, the"
        + " `status` query, or `greenlight status`.";
  }
}
