package dev.greenlight.e2e;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.Transition;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/**
 * Watches one rollout through Temporal's client in this JVM: cheap enough to poll several times a
 * second, where the CLI would connect anew each time. A query needs a live worker, so while none
 * runs {@link #status()} answers null instead of waiting.
 */
final class RolloutProbe implements AutoCloseable {
  private final WorkflowServiceStubs stubs;
  private final RolloutWorkflow rollout;

  RolloutProbe(String temporalAddress, String workflowId) {
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(temporalAddress)
                .setRpcQueryTimeout(Duration.ofSeconds(3))
                .build());
    rollout = WorkflowClient.newInstance(stubs).newWorkflowStub(RolloutWorkflow.class, workflowId);
  }

  /** The status query's answer, or null when no worker answers it now. */
  RolloutStatus status() {
    try {
      return rollout.status();
    } catch (RuntimeException e) {
      return null;
    }
  }

  Phase phase() {
    RolloutStatus s = status();
    return s == null ? null : s.phase();
  }

  /** Whether any recorded transition's reason contains {@code text}. */
  static boolean recorded(RolloutStatus s, String text) {
    return s != null
        && s.transitions().stream().map(Transition::reason).anyMatch(r -> r.contains(text));
  }

  static String describe(RolloutStatus s) {
    if (s == null) {
      return "(no status)";
    }
    StringBuilder b =
        new StringBuilder("phase ")
            .append(s.phase())
            .append(" mode ")
            .append(s.mode())
            .append(' ')
            .append(s.percent())
            .append("% paused=")
            .append(s.paused())
            .append(" pending=")
            .append(s.pendingApprovals())
            .append(" readings=")
            .append(s.lastReadings())
            .append("\ntransitions:");
    for (Transition t : s.transitions()) {
      b.append("\n  ")
          .append(java.time.Instant.ofEpochMilli(t.atMillis()))
          .append(' ')
          .append(t.phase())
          .append(' ')
          .append(t.reason());
    }
    return b.toString();
  }

  @Override
  public void close() {
    stubs.shutdownNow();
  }
}
