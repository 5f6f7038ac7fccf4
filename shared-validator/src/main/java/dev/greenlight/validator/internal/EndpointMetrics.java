package dev.greenlight.validator.internal;

import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidationResult.Outcome;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The metric series of one endpoint, resolved once so that recording a validation is a few adds on
 * existing cells: no label lookup, no allocation. Thread-safe.
 */
public final class EndpointMetrics {
  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * The {@code outcome} label of a validation in off whose value the shadow check did not know. Not
   * an {@link Outcome}: the caller still gets {@link Outcome#PASSED_UNTOUCHED}.
   */
  public static final String SHADOW_UNKNOWN = "shadow_unknown";

  /** [mode ordinal][outcome ordinal]; null for a pair the validator never produces. */
  private final CounterDataPoint[][] requests;

  /** Mode off's two series: a value the shadow check knew, and one warn would count unknown. */
  private final CounterDataPoint passedUntouched;

  private final CounterDataPoint shadowUnknown;

  private final CounterDataPoint warnUnknown;
  private final CounterDataPoint rejections;
  private final DistributionDataPoint duration;

  public EndpointMetrics(
      String endpoint,
      Counter requestsTotal,
      Counter warnUnknownTotal,
      Counter rejectionsTotal,
      Histogram durationSeconds) {
    ValidationMode[] modes = ValidationMode.values();
    Outcome[] outcomes = Outcome.values();
    this.requests = new CounterDataPoint[modes.length][outcomes.length];
    for (ValidationMode mode : modes) {
      for (Outcome outcome : outcomes) {
        if (isPossible(mode, outcome)) {
          requests[mode.ordinal()][outcome.ordinal()] =
              requestsTotal.labelValues(endpoint, mode.wireName(), outcome.label());
        }
      }
    }
    this.passedUntouched =
        requests[ValidationMode.OFF.ordinal()][Outcome.PASSED_UNTOUCHED.ordinal()];
    this.shadowUnknown =
        requestsTotal.labelValues(endpoint, ValidationMode.OFF.wireName(), SHADOW_UNKNOWN);
    this.warnUnknown = warnUnknownTotal.labelValues(endpoint);
    this.rejections = rejectionsTotal.labelValues(endpoint);
    this.duration = durationSeconds.labelValues(endpoint);
  }

  /**
   * Whether the validator can answer {@code outcome} in {@code mode}. Only these series exist, each
   * from the start at 0, so a dashboard never mistakes a missing series for silence; so does off's
   * {@value #SHADOW_UNKNOWN}.
   */
  static boolean isPossible(ValidationMode mode, Outcome outcome) {
    switch (mode) {
      case OFF:
        return outcome == Outcome.PASSED_UNTOUCHED;
      case WARN:
        return outcome == Outcome.ACCEPTED || outcome == Outcome.ACCEPTED_UNKNOWN;
      default:
        return outcome != Outcome.PASSED_UNTOUCHED;
    }
  }

  /**
   * Counts one validation in off after {@code nanos}: {@code passed_untouched}, or {@value
   * #SHADOW_UNKNOWN} when the shadow check did not know the value. Neither is a warn unknown.
   */
  public void recordOff(boolean unknown, long nanos) {
    (unknown ? shadowUnknown : passedUntouched).inc();
    duration.observe(nanos / NANOS_PER_SECOND);
  }

  /** Counts one validation that answered {@code outcome} in {@code mode} after {@code nanos}. */
  public void record(ValidationMode mode, Outcome outcome, long nanos) {
    requests[mode.ordinal()][outcome.ordinal()].inc();
    if (outcome == Outcome.ACCEPTED_UNKNOWN) {
      warnUnknown.inc();
    } else if (outcome == Outcome.REJECTED) {
      rejections.inc();
    }
    duration.observe(nanos / NANOS_PER_SECOND);
  }
}
