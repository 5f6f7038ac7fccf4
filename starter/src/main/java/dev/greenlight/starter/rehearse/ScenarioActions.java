package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.rollout.ApproveInput;
import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.ExtendWarnInput;
import dev.greenlight.rollout.OperatorCommand;
import dev.greenlight.rollout.PromoteInput;
import dev.greenlight.rollout.RolloutWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a rehearsal's or a fuzz trace's alerts and commands to its rollout, as the webhook and a
 * person would.
 */
public final class ScenarioActions {
  private ScenarioActions() {}

  /**
   * What came of a sent action.
   *
   * @param accepted false when the workflow's validator refused the command
   * @param text the workflow's answer, or {@code refused: } and the reason
   */
  public record Answer(boolean accepted, String text) {}

  /** How long a command may wait for its answer before it is sent again. */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

  /** Where a command waits for its answer; a command whose answer never comes is abandoned. */
  private static final ExecutorService SENDERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "scenario-command");
            t.setDaemon(true);
            return t;
          });

  /**
   * Sends an alert or a command; returns what came of it — the workflow's answer or refusal.
   *
   * <p>A command that gets no answer within {@link #ANSWER_WITHIN} is sent once more. Temporal's
   * in-process test server can leave an update unanswered when it reaches a run that is continuing
   * as new (a real server hands it to the new run): resent, it reaches the new run.
   */
  public static Answer send(RolloutWorkflow workflow, ScenarioEvent.Action action, long nowMillis) {
    for (int attempt = 1; ; attempt++) {
      Future<Answer> answer = SENDERS.submit(() -> sendOnce(workflow, action, nowMillis));
      try {
        return answer.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        answer.cancel(true);
        if (attempt == 2) {
          return new Answer(false, "refused: no answer from the rollout within " + ANSWER_WITHIN);
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending " + action.describe(), e);
      }
    }
  }

  private static Answer sendOnce(
      RolloutWorkflow workflow, ScenarioEvent.Action action, long nowMillis) {
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
            case "approve" -> workflow.approve(new ApproveInput(c.step(), c.who(), c.why()));
            case "pause" -> workflow.pause(op);
            case "resume" -> workflow.resume(op);
            case "abort" -> workflow.abort(op);
            case "promote" -> workflow.promote(new PromoteInput(c.who(), c.why(), c.force()));
            case "retry-canary" -> workflow.retryCanary(op);
            case "extend-warn" ->
                workflow.extendWarn(new ExtendWarnInput(c.days(), c.who(), c.why()));
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
