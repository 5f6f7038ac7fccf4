package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.PlanOption;
import dev.greenlight.starter.RolloutClient;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight start}: starts a rollout of a plan; a worker must be running to carry it. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    header = "Start a rollout of a plan as a durable workflow.")
public final class StartCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Mixin PlanOption plan;
  @Mixin JsonOutput output;

  @Option(
      names = "--who",
      defaultValue = "${env:USER:-unknown}",
      description = "Who starts it (default: $USER).")
  String who;

  @Override
  public Integer call() {
    RolloutPlan parsed = plan.load(spec.commandLine());
    String id = RolloutConstants.workflowId(parsed.name());
    try (RolloutClient client = RolloutClient.connect(connection)) {
      RolloutWorkflow rollout =
          client
              .client()
              .newWorkflowStub(
                  RolloutWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(id)
                      .setTaskQueue(RolloutConstants.TASK_QUEUE)
                      .setStaticSummary("Rollout of " + parsed.name() + " started by " + who)
                      .setStaticDetails(staticDetails(parsed))
                      .build());
      var execution = WorkflowClient.start(rollout::run, new RolloutInput(parsed, who, null));
      if (output.json) {
        JsonOutput.print(
            spec.commandLine().getOut(),
            Map.of(
                "workflowId",
                id,
                "runId",
                execution.getRunId(),
                "taskQueue",
                RolloutConstants.TASK_QUEUE));
        return 0;
      }
      spec.commandLine()
          .getOut()
          .printf(
              "started %s (run %s) on task queue %s%nfollow it with: greenlight watch -w %s%n",
              id, execution.getRunId(), RolloutConstants.TASK_QUEUE, id);
      spec.commandLine().getOut().flush();
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
