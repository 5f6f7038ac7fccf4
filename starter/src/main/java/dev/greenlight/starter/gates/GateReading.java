package dev.greenlight.starter.gates;

import dev.greenlight.rollout.plan.GateSpec;

/**
 * One query of a plan read once: a gate, or a query that only records a value (the OFF baseline),
 * and what Prometheus answered.
 *
 * @param phase the plan section the query is in: off, warn, canary, warnExit
 * @param name the gate's name, or the recorded value's
 * @param query the PromQL
 * @param gate the gate, null for a query that only records a value
 * @param value the value, NaN when there was none
 * @param error why the read failed, null when it did not
 */
public record GateReading(
    String phase, String name, String query, GateSpec gate, double value, String error) {

  /** What a reading says about the gate now. */
  public enum Verdict {
    GREEN,
    RED,
    /** A value for a query that has no threshold: it is recorded, not judged. */
    RECORDED,
    NO_DATA,
    ERROR;

    /** How the verdict is printed: {@code green}, {@code no-data}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The verdict, the gate's own {@link GateSpec#isGreen} deciding green and red. */
  public Verdict verdict() {
    if (error != null) {
      return Verdict.ERROR;
    }
    if (Double.isNaN(value)) {
      return Verdict.NO_DATA;
    }
    if (gate == null) {
      return Verdict.RECORDED;
    }
    return gate.isGreen(value) ? Verdict.GREEN : Verdict.RED;
  }

  /** Whether the query answered with a value, whatever its colour. */
  public boolean hasData() {
    return verdict() != Verdict.ERROR && verdict() != Verdict.NO_DATA;
  }

  /** Whether the value is past the gate's breach threshold (false without a breach rule). */
  public boolean pastBreachThreshold() {
    return hasData() && gate != null && gate.isBreaching(value);
  }
}
