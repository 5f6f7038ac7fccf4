package dev.greenlight.temporal;

import com.uber.m3.tally.Scope;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/**
 * Opens service stubs to a Temporal frontend and fails fast when none answers or the TLS handshake
 * fails, with a message that says which and what to set ({@link ConnectionFailure}).
 */
public final class TemporalConnection {
  /** How long to wait for a frontend's health check before saying it does not answer. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private TemporalConnection() {}

  /**
   * Connects as {@code settings} say, reporting SDK metrics to {@code metricsScope} (null for
   * none), and waits for the frontend's health check to pass.
   *
   * @throws TemporalUnavailableException naming the address, what failed and what to set
   */
  public static WorkflowServiceStubs connect(TemporalSettings settings, Scope metricsScope) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder(settings.serviceStubsOptions());
    if (metricsScope != null) {
      options.setMetricsScope(metricsScope);
    }
    try {
      return WorkflowServiceStubs.newConnectedServiceStubs(options.build(), CONNECT_TIMEOUT);
    } catch (StatusRuntimeException e) {
      throw new TemporalUnavailableException(ConnectionFailure.explain(settings, e), e);
    }
  }
}
