package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.starter.fuzz.TraceLog.MetricTruth;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle's own reading of the scripted truth: the samples a trailing window holds, and whether
 * a gate is green or breached there. Written from the plan's numbers alone — it never calls {@code
 * GateSpec.isGreen}/{@code isBreaching} or the workflow's window and verdict code — so a bug there
 * cannot vouch for itself here.
 *
 * <p>Samples sit where a range read of {@code [at - window, at]} puts them: {@code at - window +
 * k·step}. A missing (NaN) sample is never green and never part of a breach run, so the oracle sees
 * a breach only where every sample of its span is present and past the breach threshold — a
 * conservative reading in both places it is used (it demands a downgrade less often, and forbids
 * ENFORCE less often, than a reading that skipped gaps would).
 */
final class TruthWindow {
  /** Present samples needed, in percent of the samples a window holds. */
  static final int MIN_COVERAGE_PERCENT = 95;

  /** Steps after which the newest sample is stale. */
  static final int STALE_AFTER_STEPS = 2;

  private TruthWindow() {}

  /** Green on the gate's own side of its threshold: strictly below, or at least. */
  static boolean green(GateSpec gate, double value) {
    return gate.comparison() == GateSpec.Comparison.BELOW
        ? value < gate.threshold()
        : value >= gate.threshold();
  }

  /** Past the breach threshold, on the red side; false for a gate without a breach rule. */
  static boolean pastBreach(GateSpec gate, double value) {
    if (!hasBreachRule(gate)) {
      return false;
    }
    return gate.comparison() == GateSpec.Comparison.BELOW
        ? value >= gate.breachThreshold()
        : value < gate.breachThreshold();
  }

  static boolean hasBreachRule(GateSpec gate) {
    return gate.breachThreshold() != null && gate.breachFor() != null;
  }

  /**
   * Why {@code gate} is not green over {@code [at - windowMillis, at]}: reads failing at {@code
   * at}, fewer than 95 % of the samples present, a present sample not green, or the newest present
   * one older than two steps. Null when it is green.
   */
  static String whyNotGreen(MetricTruth truth, GateSpec gate, long at, long windowMillis) {
    long step = gate.step().toMillis();
    long samples = windowMillis / step + 1;
    long present = 0;
    long newest = Long.MIN_VALUE;
    String firstRed = null;
    for (long k = 0; k < samples; k++) {
      long t = at - windowMillis + k * step;
      double v = truth.valueAt(gate.name(), t);
      if (Double.isNaN(v)) {
        continue;
      }
      present++;
      newest = t;
      if (firstRed == null && !green(gate, v)) {
        firstRed = v + " at " + Timeline.time(t);
      }
    }
    List<String> why = new ArrayList<>();
    if (truth.readFailsAt(gate.name(), at)) {
      why.add("reads fail");
    }
    if (present * 100 < samples * MIN_COVERAGE_PERCENT) {
      why.add(present + " of " + samples + " samples present (< " + MIN_COVERAGE_PERCENT + " %)");
    }
    if (firstRed != null) {
      why.add("red sample " + firstRed + " (" + side(gate) + ")");
    }
    if (present > 0 && at - newest > STALE_AFTER_STEPS * step) {
      why.add("newest sample at " + Timeline.time(newest) + " is stale");
    }
    return why.isEmpty() ? null : gate.name() + ": " + String.join(", ", why);
  }

  /**
   * Whether the breach rule holds at {@code at}: every sample of {@code [at - breachFor, at]}
   * present and past the breach threshold.
   */
  static boolean breachHolds(MetricTruth truth, GateSpec gate, long at) {
    if (!hasBreachRule(gate)) {
      return false;
    }
    long step = gate.step().toMillis();
    long span = gate.breachFor().toMillis();
    for (long k = 0; k <= span / step; k++) {
      double v = truth.valueAt(gate.name(), at - span + k * step);
      if (Double.isNaN(v) || !pastBreach(gate, v)) {
        return false;
      }
    }
    return true;
  }

  private static String side(GateSpec gate) {
    return (gate.comparison() == GateSpec.Comparison.BELOW ? "green below " : "green at least ")
        + gate.threshold();
  }
}
