package dev.greenlight.ops;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.RolloutWorkflowImpl;
import dev.greenlight.rollout.RolloutWorkflowOptions;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.testsupport.RepoFiles;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link RolloutWorkflowImpl} in Temporal's test environment, parked: the worker hosts the
 * workflow but no activities, so the run waits on its first pre-flight activity forever, yet takes
 * signals and answers the {@code status} query. That is all the webhook needs from a rollout.
 */
final class ParkedRollout implements AutoCloseable {
  final TestWorkflowEnvironment env;
  final String workflowId = "rollout-webhook-test-" + UUID.randomUUID();

  ParkedRollout() {
    env = TestWorkflowEnvironment.newInstance();
    env.registerSearchAttribute(
        RolloutConstants.PHASE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        RolloutConstants.MODE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        RolloutConstants.PERCENT.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT);
    Worker worker = env.newWorker(RolloutConstants.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RolloutWorkflowImpl.class);
    env.start();
    RolloutWorkflowOptions.start(
        client(), workflowId, new RolloutInput(loadPlan(), "webhook-test", null));
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** The alerts the running workflow recorded, as its status query reports them. */
  List<String> alerts() {
    return client().newWorkflowStub(RolloutWorkflow.class, workflowId).status().alerts();
  }

  /**
   * The {@code autoDowngrade} signals the run received, in order, read from its history once it
   * holds at least {@code atLeast} (a signal that arrives while a workflow task runs is buffered
   * until the task ends), or after 10 seconds.
   */
  List<AlertSignal> signals(int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<AlertSignal> signals = signals();
    while (signals.size() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(50);
      signals = signals();
    }
    return signals;
  }

  private List<AlertSignal> signals() {
    return client().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(a -> a.getSignalName().equals("autoDowngrade"))
        .map(
            a ->
                DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                    a.getInput().getPayloads(0), AlertSignal.class, AlertSignal.class))
        .toList();
  }

  static RolloutPlan loadPlan() {
    return new PlanParser().parse(RepoFiles.v34Plan());
  }

  @Override
  public void close() {
    env.close();
  }
}
