package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * A metric gate: a PromQL query whose value is green when it is on the right side of a threshold.
 *
 * <p>A gate may also carry a breach rule: when every reading over {@code breachFor} is past {@code
 * breachThreshold}, the gate is breached — in a canary that rolls back, in WARN it blocks ENFORCE.
 *
 * @param name a short name shown in status and reports
 * @param query PromQL returning one value
 * @param comparison which side of the threshold is green
 * @param threshold the green boundary (green is strictly below, or at least, this value)
 * @param step the resolution of range readings
 * @param breachThreshold past this the gate counts toward a breach, null for no breach rule
 * @param breachFor how long readings must stay past {@code breachThreshold}
 */
public record GateSpec(
    String name,
    String query,
    Comparison comparison,
    double threshold,
    Duration step,
    Double breachThreshold,
    Duration breachFor) {

  /** Which side of a threshold is green. */
  public enum Comparison {
    /** Green when the value is strictly below the threshold (latency, error and unknown rates). */
    BELOW,
    /** Green when the value is at least the threshold (request counts). */
    AT_LEAST
  }

  public boolean isGreen(double value) {
    return comparison == Comparison.BELOW ? value < threshold : value >= threshold;
  }

  public boolean hasBreachRule() {
    return breachThreshold != null && breachFor != null;
  }

  /** Whether {@code value} is past the breach threshold; always false without a breach rule. */
  public boolean isBreaching(double value) {
    if (!hasBreachRule()) {
      return false;
    }
    return comparison == Comparison.BELOW ? value >= breachThreshold : value < breachThreshold;
  }
}
