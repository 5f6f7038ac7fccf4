package dev.greenlight.metrics;

import dev.greenlight.rollout.gates.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where gate readings come from: a real Prometheus, or a scripted scenario in tests and rehearsal.
 *
 * <p>No data is not an error: an empty result or NaN values come back as samples of NaN or no
 * samples at all. Anything that is not a reading — HTTP errors, API errors, timeouts, unreachable
 * hosts — throws {@link MetricReadException}. Implementations are thread-safe.
 */
public interface MetricSource {
  /** Samples of {@code query} over {@code [from, to]} every {@code step}. */
  List<Sample> range(String query, Instant from, Instant to, Duration step);

  /** The value of {@code query} at {@code at}, NaN when there is no data. */
  double instant(String query, Instant at);
}
