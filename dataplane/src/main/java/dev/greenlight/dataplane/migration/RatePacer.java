package dev.greenlight.dataplane.migration;

import java.util.function.BooleanSupplier;

/**
 * Holds an apply run to at most {@code maxRowsPerSecond} rows scanned per second, on average since
 * the call began, by sleeping between batches. Wakes every 200 ms to honour a stop request.
 */
final class RatePacer {
  private static final long SLICE_MILLIS = 200;
  private final long maxRowsPerSecond;

  RatePacer(long maxRowsPerSecond) {
    this.maxRowsPerSecond = maxRowsPerSecond;
  }

  /**
   * Sleeps until {@code rowsDone} rows since {@code startNanos} are within the cap, or until a stop
   * is requested.
   */
  void pace(long rowsDone, long startNanos, BooleanSupplier stopRequested) {
    if (maxRowsPerSecond <= 0) {
      return;
    }
    long dueNanos = startNanos + rowsDone * 1_000_000_000L / maxRowsPerSecond;
    while (!stopRequested.getAsBoolean()) {
      long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
      if (waitMillis <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.min(waitMillis, SLICE_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
