package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The buckets of {@code stage_validation_duration_seconds}, read back from a scrape, are fine
 * enough that the p99 gate and its regression check (1.5 × the previous step) see a 1.5 × change of
 * p99 anywhere in the range they judge: sub-microsecond validations up to past the 2 ms breach.
 */
class DurationBucketsTest {
  private static final double[] BOUNDS =
      MetricValues.histogramUpperBounds(
          registryWithMetrics(), "stage_validation_duration_seconds", "endpoint", "create");

  private static PrometheusRegistry registryWithMetrics() {
    PrometheusRegistry registry = new PrometheusRegistry();
    new ValidatorMetrics(registry, Set.of("create"));
    return registry;
  }

  @Test
  void histogramQuantileTellsDistributionsOneAndAHalfTimesApartAcrossTheGateRange() {
    List<String> blind = new ArrayList<>();
    for (double sigma : new double[] {0.1, 0.25, 0.5}) {
      double[] unit = logNormal(sigma, 20_000, 11);
      double unitP99 = Math.exp(2.326 * sigma);
      // True p99 from 200 ns to 5 ms in steps of 10^0.05 (about 12 %).
      for (int i = 0; i <= 88; i++) {
        double p99 = Math.pow(10, -6.7 + i * 0.05);
        double[] before = scaled(unit, p99 / unitP99);
        double[] after = scaled(before, 1.5);
        double seen =
            HistogramQuantile.of(0.99, BOUNDS, after) / HistogramQuantile.of(0.99, BOUNDS, before);
        if (seen < 1.35 || seen > 1.65) {
          blind.add(String.format("p99 %.3g s, sigma %.2f: 1.5x seen as %.3fx", p99, sigma, seen));
        }
      }
    }
    assertTrue(
        blind.isEmpty(),
        () ->
            blind.size()
                + " latency levels where a 1.5x change of p99 is not seen as 1.35-1.65x with"
                + " buckets "
                + Arrays.toString(BOUNDS)
                + ":\n"
                + String.join("\n", blind));
  }

  @Test
  void boundsAreTenPerDecadeFromOneHundredNanosecondsToTenMillisecondsWithTheGateThresholds() {
    assertEquals(Double.POSITIVE_INFINITY, BOUNDS[BOUNDS.length - 1]);
    double[] finite = Arrays.copyOf(BOUNDS, BOUNDS.length - 1);
    assertEquals(1e-7, finite[0]);
    assertEquals(1e-2, finite[finite.length - 1]);
    assertEquals(51, finite.length, "series per endpoint are pinned: " + Arrays.toString(finite));
    for (int i = 1; i < finite.length; i++) {
      double step = finite[i] / finite[i - 1];
      assertTrue(step > 1.2 && step <= 1.28, "step " + step + " at " + finite[i]);
    }
    // The p99 gate's threshold and breach, and every bound the earlier layout had, are bounds:
    // the two layouts sum into the same le="…" series while a fleet runs both versions.
    for (double kept :
        new double[] {
          1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2e-3, 2.5e-3, 5e-3, 1e-2
        }) {
      assertTrue(Arrays.binarySearch(finite, kept) >= 0, kept + " is not a bound");
    }
  }

  private static double[] logNormal(double sigma, int count, long seed) {
    Random random = new Random(seed);
    double[] samples = new double[count];
    for (int i = 0; i < count; i++) {
      samples[i] = Math.exp(sigma * random.nextGaussian());
    }
    return samples;
  }

  private static double[] scaled(double[] samples, double factor) {
    double[] out = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i] * factor;
    }
    return out;
  }
}
