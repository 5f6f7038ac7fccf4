package dev.greenlight.rollout.plan;

import java.util.List;

/**
 * Canary ENFORCE: each step holds its percentage for at least its minimum duration and then until
 * every gate has been green for the whole window.
 *
 * @param steps the canary steps in order (10 % then 50 % in v3.4)
 * @param window the green window each step needs before promotion
 * @param gates every gate that must be green; a gate's rollback threshold rolls back
 * @param maxRegressionRatio a step's gate mean may be at most this multiple of the previous step's,
 *     0 to skip the comparison
 */
public record CanarySpec(
    List<CanaryStep> steps,
    java.time.Duration window,
    List<GateSpec> gates,
    double maxRegressionRatio) {
  public CanarySpec {
    steps = List.copyOf(steps);
    gates = List.copyOf(gates);
  }
}
