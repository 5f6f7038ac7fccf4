package dev.greenlight.starter.fuzz;

import dev.greenlight.starter.fuzz.TraceLog.FaultWindow;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * When a downgrade to warn must have landed. Normally within the allowance after its cause; while
 * mode writes fail, the workflow keeps the downgrade pending and retries it with backoff capped at
 * five minutes, so a fault overlapping the span moves the deadline to the fault's end plus the
 * allowance plus that cap — repeatedly, if the moved span overlaps another fault.
 */
final class Deadlines {
  /** Fault kinds during which no mode write can land. */
  static final Set<String> WRITE_BLOCKING_FAULTS = Set.of("mode-flips-fail");

  /** The longest wait between two attempts at a pending downgrade. */
  static final long RETRY_CAP_MILLIS = Duration.ofMinutes(5).toMillis();

  private Deadlines() {}

  /** The deadline for a downgrade caused at {@code causeMillis}, allowed {@code allowance}. */
  static long downgradeBy(List<FaultWindow> faults, long causeMillis, long allowanceMillis) {
    long deadline = causeMillis + allowanceMillis;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (FaultWindow f : faults) {
        if (!WRITE_BLOCKING_FAULTS.contains(f.kind())
            || f.fromMillis() > deadline
            || f.untilMillis() < causeMillis) {
          continue;
        }
        long after = saturatedAdd(f.untilMillis(), allowanceMillis + RETRY_CAP_MILLIS);
        if (after > deadline) {
          deadline = after;
          moved = true;
        }
      }
    }
    return deadline;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
