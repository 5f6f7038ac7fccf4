package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.rollout.ApproveCommand;
import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.ExtendWarnCommand;
import dev.greenlight.rollout.OperatorCommand;
import dev.greenlight.rollout.PromoteCommand;
import dev.greenlight.rollout.RolloutWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Instant;

/** Sends a scenario's alerts and commands to the rollout, as the webhook and a person would. */
public final class ScenarioActions {
  private ScenarioActions() {}

  /**
   * What came of a sent action.
   *
   * @param accepted false when the workflow's validator refused the command
   * @param text the workflow's answer, or {@code refused: } and the reason
   */
  public record Answer(boolean accepted, String text) {}

  /** Sends an alert or a command; returns what came of it — the workflow's answer or refusal. */
  public static Answer send(RolloutWorkflow workflow, ScenarioEvent.Action action, long nowMillis) {
    try {
      return sendTo(workflow, action, nowMillis);
    } catch (WorkflowNotFoundException e) {
      // The rollout ended before the scenario did: what came after reaches nobody.
      return new Answer(false, "refused: the rollout has ended");
    }
  }

  private static Answer sendTo(
      RolloutWorkflow workflow, ScenarioEvent.Action action, long nowMillis) {
    if (action instanceof ScenarioEvent.Alert alert) {
      workflow.autoDowngrade(
          new AlertSignal(
              alert.name(),
              "rehearsal-" + nowMillis,
              alert.summary(),
              Instant.ofEpochMilli(nowMillis).toString(),
              false));
      return new Answer(true, "signalled");
    }
    ScenarioEvent.Command c = (ScenarioEvent.Command) action;
    OperatorCommand op = new OperatorCommand(c.who(), c.why());
    try {
      CommandResult result =
          switch (c.command()) {
            case "approve" -> workflow.approve(new ApproveCommand(c.step(), c.who(), c.why()));
            case "pause" -> workflow.pause(op);
            case "resume" -> workflow.resume(op);
            case "abort" -> workflow.abort(op);
            case "promote" -> workflow.promote(new PromoteCommand(c.who(), c.why(), c.force()));
            case "retry-canary" -> workflow.retryCanary(op);
            case "extend-warn" ->
                workflow.extendWarn(new ExtendWarnCommand(c.days(), c.who(), c.why()));
            default -> throw new IllegalStateException("unknown command " + c.command());
          };
      return new Answer(true, result.outcome());
    } catch (WorkflowUpdateException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return new Answer(false, "refused: " + cause.getMessage());
    }
  }
}
