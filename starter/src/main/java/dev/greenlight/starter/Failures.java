package dev.greenlight.starter;

import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;

/** Turns a failure into the one line the CLI prints: the message that says what happened. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    if (e instanceof WorkflowNotFoundException nf) {
      return "no rollout with workflow id "
          + nf.getExecution().getWorkflowId()
          + " (check --workflow-id; `greenlight status` lists nothing for an unknown id)";
    }
    if (e instanceof WorkflowUpdateException) {
      return "refused: " + root(e).getMessage();
    }
    if (e instanceof StatusRuntimeException s) {
      return "Temporal call failed: " + s.getStatus();
    }
    String message = e.getMessage();
    return message == null ? e.toString() : message;
  }

  static Throwable root(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
