package dev.greenlight.rollout.gates;

import dev.greenlight.rollout.plan.GateSpec;
import java.util.List;

/**
 * Reduces a gate's readings over {@code [from, to]} to a {@link GateSummary}. Pure and
 * deterministic: the activity that reads Prometheus calls it, and so do tests.
 *
 * <p>Samples before {@code from} may be passed too: they count only toward the breach run, whose
 * rule may look further back than one poll (10 minutes of unknowns with a 5-minute poll).
 */
public final class WindowSummarizer {
  private WindowSummarizer() {}

  public static GateSummary summarize(
      GateSpec gate, long fromMillis, long toMillis, List<Sample> samples) {
    long step = gate.step().toMillis();
    int expected = (int) Math.max(1, (toMillis - fromMillis) / step + 1);
    int present = 0;
    double sum = 0;
    double last = Double.NaN;
    long lastRed = 0;
    long newest = 0;
    long breachStart = -1;
    long breachEnd = 0;
    for (Sample s : samples) {
      if (s.epochMillis() > toMillis || Double.isNaN(s.value())) {
        continue;
      }
      if (gate.isBreaching(s.value())) {
        if (breachStart < 0) {
          breachStart = s.epochMillis();
        }
        breachEnd = s.epochMillis();
      } else {
        breachStart = -1;
      }
      if (s.epochMillis() < fromMillis) {
        continue;
      }
      present++;
      newest = Math.max(newest, s.epochMillis());
      sum += s.value();
      last = s.value();
      if (!gate.isGreen(s.value())) {
        lastRed = s.epochMillis();
      }
    }
    if (present == 0) {
      return new GateSummary(
          gate.name(),
          GateSummary.Outcome.NO_DATA,
          null,
          expected,
          0,
          Double.NaN,
          Double.NaN,
          0,
          0,
          0);
    }
    long breachedFor = breachStart < 0 ? 0 : breachEnd - breachStart + step;
    return new GateSummary(
        gate.name(),
        GateSummary.Outcome.DATA,
        null,
        expected,
        Math.min(present, expected),
        last,
        sum / present,
        lastRed,
        breachedFor,
        newest);
  }
}
