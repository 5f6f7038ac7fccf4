package dev.greenlight.worker;

import com.google.protobuf.ByteString;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.plan.RolloutPlan;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

  /** The status query's name: the method name, as the SDK registers it. */
  static final String STATUS_QUERY = "status";

  /**
   * How long one status read may take: long enough for a replay of a long history on a busy worker,
   * short enough that one stuck rollout does not hold the others' series back for long.
   */
  static final Duration QUERY_DEADLINE = Duration.ofSeconds(10);

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
  private final Duration queryDeadline;
  private final Map<String, RolloutPlan> plansByRun = new ConcurrentHashMap<>();

  /** Reads through {@code service} with {@code client}'s namespace and data converter. */
  OpenRollouts(WorkflowServiceStubs service, WorkflowClient client) {
    this(service, client, QUERY_DEADLINE);
  }

  OpenRollouts(WorkflowServiceStubs service, WorkflowClient client, Duration queryDeadline) {
    this.service = service;
    this.client = client;
    this.namespace = client.getOptions().getNamespace();
    this.queryDeadline = queryDeadline;
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
   * @throws RuntimeException (gRPC's or the SDK's) when the query or the history read fails, or the
   *     query takes longer than the deadline
   */
  Reading read(WorkflowExecution execution) {
    // The raw call rather than a typed stub: its deadline bounds a read nobody can answer (no
    // worker polls), which the stub would wait on for the SDK's minute-long long-poll deadline.
    QueryWorkflowResponse response =
        service
            .blockingStub()
            .withDeadlineAfter(queryDeadline.toMillis(), TimeUnit.MILLISECONDS)
            .queryWorkflow(
                QueryWorkflowRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(execution)
                    .setQuery(WorkflowQuery.newBuilder().setQueryType(STATUS_QUERY))
                    .build());
    if (response.hasQueryRejected()) {
      throw new IllegalStateException(
          "status query rejected: " + response.getQueryRejected().getStatus());
    }
    RolloutStatus status =
        client
            .getOptions()
            .getDataConverter()
            .fromPayloads(
                0,
                Optional.of(response.getQueryResult()),
                RolloutStatus.class,
                RolloutStatus.class);
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
