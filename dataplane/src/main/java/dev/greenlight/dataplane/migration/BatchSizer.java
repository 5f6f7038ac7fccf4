package dev.greenlight.dataplane.migration;

import java.time.Duration;

/**
 * The batch size to use next: steered so a batch takes about the target duration, at most doubling
 * or halving at a time and always within the configured bounds.
 *
 * <p>Limiting each step keeps one slow batch (a checkpoint, a vacuum) from collapsing the size, and
 * one fast batch from ballooning it. Not thread-safe: one per apply call.
 */
final class BatchSizer {
  private final int min;
  private final int max;
  private final long targetNanos;
  private int current;

  BatchSizer(int initial, int min, int max, Duration target) {
    this.min = min;
    this.max = max;
    this.targetNanos = target.toNanos();
    this.current = clamp(initial);
  }

  int current() {
    return current;
  }

  /**
   * Adjusts after a batch of {@code rows} that took {@code nanos}. A short final batch says little
   * about the rate, so only full batches count.
   */
  void record(int rows, long nanos) {
    if (rows < current || nanos <= 0) {
      return;
    }
    double ideal = (double) rows * targetNanos / nanos;
    double bounded = Math.max(current / 2.0, Math.min(current * 2.0, ideal));
    current = clamp((int) Math.round(bounded));
  }

  /** Halves the size after a lock timeout: a smaller batch holds fewer locks for less time. */
  void shrink() {
    current = clamp(current / 2);
  }

  private int clamp(int size) {
    return Math.max(min, Math.min(max, size));
  }
}
