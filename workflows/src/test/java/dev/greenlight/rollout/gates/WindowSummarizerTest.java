package dev.greenlight.rollout.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.GateSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowSummarizerTest {
  private static final long MIN = 60_000;
  private final GateSpec errors =
      new GateSpec(
          "error-rate",
          "q",
          GateSpec.Comparison.BELOW,
          0.001,
          Duration.ofMinutes(1),
          0.001,
          Duration.ofMinutes(5));

  private static List<Sample> samples(long from, double... values) {
    List<Sample> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(new Sample(from + i * MIN, values[i]));
    }
    return list;
  }

  @Test
  void allGreenWithFullCoverageIsGreen() {
    GateSummary s = WindowSummarizer.summarize(errors, 0, 10 * MIN, samples(0, new double[11]));
    assertTrue(GateVerdicts.isGreen(s));
    assertEquals(1.0, s.coverage());
  }

  @Test
  void missingDataIsNeverGreen() {
    GateSummary none = WindowSummarizer.summarize(errors, 0, 10 * MIN, List.of());
    assertEquals(GateSummary.Outcome.NO_DATA, none.outcome());
    assertFalse(GateVerdicts.isGreen(none));

    double[] values = new double[11];
    values[3] = Double.NaN; // one gap of eleven: 91 % coverage
    GateSummary gappy = WindowSummarizer.summarize(errors, 0, 10 * MIN, samples(0, values));
    assertFalse(GateVerdicts.isGreen(gappy), "coverage " + gappy.coverage());
  }

  @Test
  void errorIsNeverGreen() {
    assertFalse(GateVerdicts.isGreen(GateSummary.error("error-rate", "HTTP 503")));
    assertFalse(GateVerdicts.allGreen(List.of()));
  }

  @Test
  void redReadingIsRememberedWithItsTime() {
    GateSummary s = WindowSummarizer.summarize(errors, 0, 4 * MIN, samples(0, 0, 0, 0.002, 0, 0));
    assertEquals(2 * MIN, s.lastRedAtMillis());
    assertFalse(GateVerdicts.isGreen(s));
  }

  @Test
  void breachNeedsTheWholeDurationAndMayLookBeforeTheWindow() {
    // Five minutes of breaching readings, three of them before this poll's window.
    List<Sample> read = samples(0, 0, 0.002, 0.002, 0.002, 0.002, 0.002);
    GateSummary s = WindowSummarizer.summarize(errors, 3 * MIN, 5 * MIN, read);
    assertEquals(5 * MIN, s.breachedForMillis());
    assertEquals(
        "error-rate past 0.001 for 5m (last 0.002)",
        GateVerdicts.breach(List.of(errors), List.of(s)));

    GateSummary shorter =
        WindowSummarizer.summarize(
            errors, 3 * MIN, 5 * MIN, samples(0, 0, 0, 0.002, 0.002, 0.002, 0.002));
    assertNull(GateVerdicts.breach(List.of(errors), List.of(shorter)));
  }

  @Test
  void regressionComparesMeansWithThePreviousStep() {
    GateSummary s =
        WindowSummarizer.summarize(errors, 0, 2 * MIN, samples(0, 0.0004, 0.0004, 0.0004));
    assertNull(GateVerdicts.regression(List.of(s), Map.of("error-rate", 0.0003), 1.5));
    assertTrue(
        GateVerdicts.regression(List.of(s), Map.of("error-rate", 0.0002), 1.5)
            .contains("error-rate mean"));
    assertNull(GateVerdicts.regression(List.of(s), Map.of("error-rate", 0.0001), 0));
  }
}
