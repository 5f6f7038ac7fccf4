package dev.greenlight.rollout.gates;

import dev.greenlight.rollout.plan.GateSpec;
import java.time.Duration;
import java.util.List;

/**
 * The decisions made from gate summaries. A window is green only when every gate returned data,
 * covered at least {@link #MIN_COVERAGE} of it, and had no red reading: missing, stale or errored
 * data is never green (DESIGN.md invariant 1).
 */
public final class GateVerdicts {
  /** The share of a window that readings must cover for it to count as green. */
  public static final double MIN_COVERAGE = 0.95;

  private GateVerdicts() {}

  public static boolean isGreen(GateSummary s) {
    return s.outcome() == GateSummary.Outcome.DATA
        && s.coverage() >= MIN_COVERAGE
        && s.lastRedAtMillis() == 0;
  }

  public static boolean allGreen(List<GateSummary> summaries) {
    return !summaries.isEmpty() && summaries.stream().allMatch(GateVerdicts::isGreen);
  }

  public static boolean anyError(List<GateSummary> summaries) {
    return summaries.stream().anyMatch(s -> s.outcome() == GateSummary.Outcome.ERROR);
  }

  /** The first gate whose breach rule is met, or null. */
  public static String breach(List<GateSpec> gates, List<GateSummary> summaries) {
    for (GateSpec gate : gates) {
      if (!gate.hasBreachRule()) {
        continue;
      }
      for (GateSummary s : summaries) {
        if (s.gate().equals(gate.name())
            && s.outcome() == GateSummary.Outcome.DATA
            && s.breachedForMillis() >= gate.breachFor().toMillis()) {
          return gate.name()
              + " past "
              + gate.breachThreshold()
              + " for "
              + Duration.ofMillis(s.breachedForMillis()).toMinutes()
              + "m (last "
              + s.lastValue()
              + ")";
        }
      }
    }
    return null;
  }

  /**
   * The first gate whose mean regressed past {@code maxRatio} times its mean in the previous step,
   * or null. A ratio of 0 turns the check off; gates without a previous mean are skipped.
   */
  public static String regression(
      List<GateSummary> current, java.util.Map<String, Double> previousMeans, double maxRatio) {
    if (maxRatio <= 0) {
      return null;
    }
    for (GateSummary s : current) {
      Double before = previousMeans.get(s.gate());
      if (before == null || before <= 0 || Double.isNaN(s.mean())) {
        continue;
      }
      if (s.mean() > before * maxRatio) {
        return s.gate()
            + " mean "
            + s.mean()
            + " is over "
            + maxRatio
            + "x the previous step's "
            + before;
      }
    }
    return null;
  }
}
