package dev.greenlight.validator;

import java.util.Arrays;

/**
 * Prometheus' {@code histogram_quantile} over classic buckets, in plain Java: the quantile's rank
 * is found in the cumulative counts and placed by linear interpolation inside its bucket, the first
 * bucket starting at 0, a rank in the {@code +Inf} bucket answering the highest finite bound. What
 * the p99 gate and the {@code stage:validation_duration_seconds:p99_5m} rule see.
 */
final class HistogramQuantile {
  private HistogramQuantile() {}

  /**
   * The {@code q} quantile that Prometheus would report for {@code samples} (seconds) counted into
   * buckets with the ascending upper bounds {@code bounds}, {@code +Inf} last.
   */
  static double of(double q, double[] bounds, double[] samples) {
    if (bounds.length < 2 || bounds[bounds.length - 1] != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("bounds must end with +Inf: " + Arrays.toString(bounds));
    }
    long[] cumulative = new long[bounds.length];
    for (double sample : samples) {
      cumulative[bucketOf(bounds, sample)]++;
    }
    for (int i = 1; i < cumulative.length; i++) {
      cumulative[i] += cumulative[i - 1];
    }
    double rank = q * samples.length;
    int b = 0;
    while (cumulative[b] < rank) {
      b++;
    }
    if (b == bounds.length - 1) {
      return bounds[b - 1];
    }
    double start = b == 0 ? 0 : bounds[b - 1];
    long below = b == 0 ? 0 : cumulative[b - 1];
    return start + (bounds[b] - start) * (rank - below) / (cumulative[b] - below);
  }

  /** The first bucket whose upper bound is at least {@code sample} ({@code le} is inclusive). */
  private static int bucketOf(double[] bounds, double sample) {
    int found = Arrays.binarySearch(bounds, sample);
    return found >= 0 ? found : -found - 1;
  }
}
