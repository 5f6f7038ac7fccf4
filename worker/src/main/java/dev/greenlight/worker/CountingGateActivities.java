package dev.greenlight.worker;

import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.GateReadResult;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.activity.Activity;

/**
 * Gate reads as the worker runs them, counting each one that failed in {@code
 * greenlight_rollout_gate_read_errors_total{rollout,gate}}. Counted here, where the errors are
 * seen, not from the workflow's state: the state keeps only the errors in a row, which a good read
 * resets, while this counts every one (from the worker's start, as counters do). A read that found
 * no data is not an error.
 *
 * <p>Thread-safe if the gates it wraps are.
 */
final class CountingGateActivities implements GateActivities {
  private final GateActivities gates;
  private final Counter errors;

  private CountingGateActivities(GateActivities gates, Counter errors) {
    this.gates = gates;
    this.errors = errors;
  }

  /** {@code gates}, counting their failed reads in a counter registered on {@code registry}. */
  static GateActivities counting(GateActivities gates, PrometheusRegistry registry) {
    Counter errors =
        Counter.builder()
            .name("greenlight_rollout_gate_read_errors")
            .help("Gate reads that failed (the metric source errored or could not be reached).")
            .labelNames("rollout", "gate")
            .withoutExemplars()
            .register(registry);
    return new CountingGateActivities(gates, errors);
  }

  @Override
  public GateReadResult readGates(GateReadRequest request) {
    GateReadResult result = gates.readGates(request);
    for (GateSummary summary : result.summaries()) {
      if (summary.outcome() == GateSummary.Outcome.ERROR) {
        errors.labelValues(rollout(), summary.gate()).inc();
      }
    }
    return result;
  }

  @Override
  public InstantReading readInstant(InstantRequest request) {
    InstantReading reading = gates.readInstant(request);
    // GateActivitiesImpl reports an empty answer as the error "no data": not a failed read.
    if (reading.error() != null && !"no data".equals(reading.error())) {
      errors.labelValues(rollout(), request.name()).inc();
    }
    return reading;
  }

  /** The workflow id of the rollout this (local) activity runs for. */
  private static String rollout() {
    return Activity.getExecutionContext().getInfo().getWorkflowId();
  }
}
