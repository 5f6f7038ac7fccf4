package dev.greenlight.worker;

import com.uber.m3.tally.Scope;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/** Opens service stubs to a Temporal frontend and fails fast, with a hint, when none answers. */
public final class TemporalConnection {
  /** How long to wait for a frontend's health check before saying it does not answer. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private TemporalConnection() {}

  /**
   * Connects to {@code address}, reporting SDK metrics to {@code metricsScope} (null for none).
   *
   * @throws TemporalUnavailableException naming the address and how to get a local server
   */
  public static WorkflowServiceStubs connect(String address, Scope metricsScope) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(address);
    if (metricsScope != null) {
      options.setMetricsScope(metricsScope);
    }
    try {
      return WorkflowServiceStubs.newConnectedServiceStubs(options.build(), CONNECT_TIMEOUT);
    } catch (StatusRuntimeException e) {
      throw new TemporalUnavailableException(address, e);
    }
  }

  /** No Temporal frontend answered at the configured address. */
  public static final class TemporalUnavailableException extends RuntimeException {
    public TemporalUnavailableException(String address, Throwable cause) {
      super(
          "Temporal does not answer at "
              + address
              + " ("
              + cause.getMessage()
              + "); start a local one with `greenlight dev-server` or set TEMPORAL_ADDRESS",
          cause);
    }
  }
}
