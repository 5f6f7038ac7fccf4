package dev.greenlight.rollout.gates;

import dev.greenlight.rollout.plan.GateSpec;
import java.util.List;

/**
 * Reduces a gate's readings over {@code [from, to]} to a {@link GateSummary}. Pure and
 * deterministic: the activity that reads Prometheus calls it, and so do tests.
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
    long breachStart = -1;
    long lastAt = 0;
    for (Sample s : samples) {
      if (s.epochMillis() < fromMillis || s.epochMillis() > toMillis || Double.isNaN(s.value())) {
        continue;
      }
      present++;
      sum += s.value();
      last = s.value();
      lastAt = s.epochMillis();
      if (!gate.isGreen(s.value())) {
        lastRed = s.epochMillis();
      }
      if (gate.isBreaching(s.value())) {
        if (breachStart < 0) {
          breachStart = s.epochMillis();
        }
      } else {
        breachStart = -1;
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
          0);
    }
    long breachedFor = breachStart < 0 ? 0 : lastAt - breachStart + step;
    return new GateSummary(
        gate.name(),
        GateSummary.Outcome.DATA,
        null,
        expected,
        Math.min(present, expected),
        last,
        sum / present,
        lastRed,
        breachedFor);
  }
}
