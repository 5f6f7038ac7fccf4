package dev.greenlight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.rollout.gates.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScriptedMetricSourceTest {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  private static final String Q = "q";

  @Test
  void aRangeHasOneSampleAtEveryStepWhereTheSeriesHasAValue() {
    ScriptedMetricSource source =
        oneFromTheStart().missing(Q, minutes(3)).value(Q, minutes(5), 2.0).build();

    List<Sample> samples = source.range(Q, START, START.plus(minutes(6)), minutes(1));

    assertEquals(
        List.of(sample(0, 1.0), sample(1, 1.0), sample(2, 1.0), sample(5, 2.0), sample(6, 2.0)),
        samples);
  }

  @Test
  void aReadTakenInsideAnOutageFailsAndTheSeriesKeepsItsValueThrough() {
    ScriptedMetricSource source =
        oneFromTheStart().error(Q, minutes(2)).value(Q, minutes(4), 3.0).build();

    assertThrows(
        MetricReadException.class,
        () -> source.range(Q, START, START.plus(minutes(3)), minutes(1)));
    assertEquals(
        List.of(sample(1, 1.0), sample(2, 1.0), sample(3, 1.0), sample(4, 3.0)),
        source.range(Q, START.plus(minutes(1)), START.plus(minutes(4)), minutes(1)));
  }

  /** Random scripts and ranges: every range equals the series read one sample at a time. */
  @Test
  void everyRangeEqualsTheSeriesReadSampleBySample() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      ScriptedMetricSource.Builder b = ScriptedMetricSource.startingAt(START);
      int segments = random.nextInt(0, 8);
      for (int i = 0; i < segments; i++) {
        Duration from = Duration.ofSeconds(random.nextInt(0, 3 * 3600));
        switch (random.nextInt(3)) {
          case 0 -> b.value(Q, from, random.nextInt(100));
          case 1 -> b.missing(Q, from);
          default -> b.error(Q, from);
        }
      }
      ScriptedMetricSource source = b.build();
      long fromMillis = START.toEpochMilli() + random.nextLong(-600_000, 3 * 3_600_000);
      long toMillis = fromMillis + random.nextLong(0, 2 * 3_600_000);
      Duration step = Duration.ofSeconds(random.nextInt(1, 400));
      if (source.outAt(Q, toMillis)) {
        continue;
      }

      List<Sample> expected = new ArrayList<>();
      for (long t = fromMillis; t <= toMillis; t += step.toMillis()) {
        double v = source.valueAt(Q, t);
        if (!Double.isNaN(v)) {
          expected.add(new Sample(t, v));
        }
      }

      assertEquals(
          expected,
          source.range(Q, Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis), step),
          "round " + round);
    }
  }

  /** A script in which {@link #Q} reads 1.0 from {@link #START} on, until told otherwise. */
  private static ScriptedMetricSource.Builder oneFromTheStart() {
    return ScriptedMetricSource.startingAt(START).value(Q, Duration.ZERO, 1.0);
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static Sample sample(int minute, double value) {
    return new Sample(START.plus(minutes(minute)).toEpochMilli(), value);
  }
}
