package dev.greenlight.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded polling, the only waiting the tests do: a condition is asked again until it holds or the
 * deadline passes, and then the test fails naming what it waited for. Never a fixed sleep.
 */
public final class Await {
  /** In-process conditions are cheap to ask: a short poll keeps the tests fast. */
  private static final long IN_PROCESS_POLL_MILLIS = 10;

  /** Probes of other processes (HTTP, logs) are not: a slower poll spares the shared cores. */
  private static final long PROBE_POLL_MILLIS = 250;

  private Await() {}

  /** Waits at most {@code timeout} for {@code condition}; fails naming {@code what} otherwise. */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    poll(
        timeout,
        what,
        IN_PROCESS_POLL_MILLIS,
        () -> condition.getAsBoolean() ? Boolean.TRUE : null,
        () -> "");
  }

  /**
   * The probe's first non-null answer within {@code timeout}; on failure the message adds {@code
   * diagnostics} (the processes' logs, say).
   */
  public static <T> T until(
      Duration timeout, String what, Supplier<T> probe, Supplier<String> diagnostics) {
    return poll(timeout, what, PROBE_POLL_MILLIS, probe, diagnostics);
  }

  /** Waits for {@code condition}, probing another process; fails with {@code diagnostics}. */
  public static void until(
      Duration timeout, String what, BooleanSupplier condition, Supplier<String> diagnostics) {
    until(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null, diagnostics);
  }

  private static <T> T poll(
      Duration timeout,
      String what,
      long pollMillis,
      Supplier<T> probe,
      Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        String more = diagnostics.get();
        throw new AssertionError(
            "timed out after "
                + timeout
                + " waiting for "
                + what
                + (more.isEmpty() ? "" : "\n" + more));
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
