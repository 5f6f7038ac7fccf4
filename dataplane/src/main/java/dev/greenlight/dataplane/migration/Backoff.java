package dev.greenlight.dataplane.migration;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts at a batch: exponential from the initial delay, capped, with full jitter
 * so two contending writers do not retry in step.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The delay before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
  Duration delayAfter(int attempt) {
    long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }
}
