package dev.greenlight.starter;

import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.temporal.TemporalConnection;
import dev.greenlight.temporal.TemporalSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * A connection to Temporal for the steering commands. Fails fast, with the hint to run {@code
 * greenlight dev-server}, when no frontend answers. Close it when the command is done.
 */
public final class RolloutClient implements AutoCloseable {
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private RolloutClient(WorkflowServiceStubs service, TemporalSettings settings) {
    this.service = service;
    this.client = WorkflowClient.newInstance(service, settings.clientOptions());
  }

  public static RolloutClient connect(ConnectionOptions options) {
    TemporalSettings settings = options.temporal();
    return new RolloutClient(TemporalConnection.connect(settings, null), settings);
  }

  public WorkflowClient client() {
    return client;
  }

  /** The running rollout {@code workflowId} (its latest run). */
  public RolloutWorkflow rollout(String workflowId) {
    return client.newWorkflowStub(RolloutWorkflow.class, workflowId);
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
