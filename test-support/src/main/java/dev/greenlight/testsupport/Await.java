package dev.greenlight.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded polling: asks a probe every 250 ms until it answers, failing with what was awaited and
 * the diagnostics (the processes' logs) when the deadline passes. Never a fixed sleep.
 */
final class Await {
  private static final long POLL_MILLIS = 250;

  private Await() {}

  /** The probe's first non-null answer. */
  static <T> T until(
      Duration timeout, String what, Supplier<T> probe, Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for "
                + what
                + "\n"
                + diagnostics.get());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  static void until(
      Duration timeout,
      String what,
      java.util.function.BooleanSupplier condition,
      Supplier<String> diagnostics) {
    until(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null, diagnostics);
  }
}
