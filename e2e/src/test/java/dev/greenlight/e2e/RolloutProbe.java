package dev.greenlight.e2e;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.Transition;
import dev.greenlight.testsupport.Await;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

  /**
   * Polls the status until {@code condition} holds and returns that status; on timeout fails naming
   * {@code what}, with the last status and {@code diagnostics}. Unlike {@link Steering#driveUntil},
   * it approves nothing: the test's own actor does.
   */
  RolloutStatus awaitStatus(
      Duration timeout,
      String what,
      Predicate<RolloutStatus> condition,
      Supplier<String> diagnostics) {
    return Await.until(
        timeout,
        what,
        () -> {
          RolloutStatus s = status();
          return s != null && condition.test(s) ? s : null;
        },
        () -> describe(status()) + "\n" + diagnostics.get());
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
    String head =
        "phase %s mode %s %d%% paused=%s pending=%s readings=%s\ntransitions:"
            .formatted(
                s.phase(),
                s.mode(),
                s.percent(),
                s.paused(),
                s.pendingApprovals(),
                s.lastReadings());
    return head
        + s.transitions().stream()
            .map(
                t ->
                    "\n  %s %s %s"
                        .formatted(Instant.ofEpochMilli(t.atMillis()), t.phase(), t.reason()))
            .collect(Collectors.joining());
  }

  @Override
  public void close() {
    stubs.shutdownNow();
  }
}
