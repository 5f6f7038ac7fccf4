package dev.greenlight.worker;

import com.google.protobuf.ByteString;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.plan.RolloutPlan;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rollouts running in a namespace, read from the Temporal server: which are open (its
 * visibility listing, so a restarted worker finds every rollout at once, not only those that have
 * had a workflow task since), what each one's {@code status} query answers, and the plan each run
 * was started with (for gate thresholds, which the status does not carry).
 *
 * <p>{@code ListOpenWorkflowExecutions} rather than a visibility query: the Java test server (the
 * dev server on a JDK-only machine) answers only that one. Plans are read once per run from the
 * first event of its history and kept while the run is open. Thread-safe.
 */
final class OpenRollouts {
  /** The workflow type name the SDK derives from {@link RolloutWorkflow}. */
  static final String WORKFLOW_TYPE = RolloutWorkflow.class.getSimpleName();

  /**
   * One open rollout as read at one instant.
   *
   * @param readAtMillis wall-clock time of the read, so a status that could not be read since shows
   *     its age
   */
  record Reading(
      String workflowId, String runId, RolloutStatus status, RolloutPlan plan, long readAtMillis) {}

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final String namespace;
  private final Map<String, RolloutPlan> plansByRun = new ConcurrentHashMap<>();

  OpenRollouts(WorkflowServiceStubs service, WorkflowClient client) {
    this.service = service;
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
  }

  /** The open rollout executions, every page of them. */
  List<WorkflowExecution> list() {
    List<WorkflowExecution> open = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse response =
          service
              .blockingStub()
              .listOpenWorkflowExecutions(
                  ListOpenWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(namespace)
                      .setMaximumPageSize(100)
                      .setNextPageToken(page)
                      .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
                      .build());
      for (WorkflowExecutionInfo info : response.getExecutionsList()) {
        open.add(info.getExecution());
      }
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    plansByRun.keySet().retainAll(open.stream().map(WorkflowExecution::getRunId).toList());
    return open;
  }

  /**
   * Queries {@code execution}'s status and looks up its plan.
   *
   * @throws RuntimeException (the SDK's) when the query or the history read fails
   */
  Reading read(WorkflowExecution execution) {
    RolloutStatus status =
        client
            .newWorkflowStub(
                RolloutWorkflow.class, execution.getWorkflowId(), Optional.of(execution.getRunId()))
            .status();
    RolloutPlan plan = plansByRun.computeIfAbsent(execution.getRunId(), run -> plan(execution));
    return new Reading(
        execution.getWorkflowId(), execution.getRunId(), status, plan, System.currentTimeMillis());
  }

  /** The plan from the run's first event, WorkflowExecutionStarted: one event, not the history. */
  private RolloutPlan plan(WorkflowExecution execution) {
    var first =
        service
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(execution)
                    .setMaximumPageSize(1)
                    .build())
            .getHistory()
            .getEvents(0);
    Payload input = first.getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
    return client
        .getOptions()
        .getDataConverter()
        .fromPayload(input, RolloutInput.class, RolloutInput.class)
        .plan();
  }
}
