package dev.greenlight.starter.rehearse;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.function.LongSupplier;

/**
 * Where the faulty activities ask whether a fault holds: the {@link FaultSwitches}, read at the
 * running attempt's scheduled (simulated) time. Immutable; {@link FaultSwitches} is the shared
 * state.
 */
final class InjectedFaults {
  private final FaultSwitches switches;
  private final LongSupplier now;

  /** Asks {@code switches} at each activity attempt's scheduled (simulated) time. */
  InjectedFaults(FaultSwitches switches) {
    this(switches, InjectedFaults::attemptScheduledAt);
  }

  /**
   * @param now the simulated time of the call (tests)
   */
  InjectedFaults(FaultSwitches switches, LongSupplier now) {
    this.switches = switches;
    this.now = now;
  }

  /**
   * Fails the attempt for good — non-retryably, so a rehearsal does not wait out the stub's retries
   * — when {@code kind} holds now.
   *
   * @throws ApplicationFailure of type {@link FaultSwitches#FAILURE_TYPE}, saying {@code what}
   *     failed and until when the fault holds
   */
  void failIfHolding(String kind, String what) {
    var window = switches.holding(kind, now.getAsLong());
    if (window.isPresent()) {
      throw ApplicationFailure.newNonRetryableFailure(
          what + ": injected fault " + kind + " (" + FaultSwitches.until(window.get()) + ")",
          FaultSwitches.FAILURE_TYPE);
    }
  }

  /** The simulated time the running activity attempt was scheduled at. */
  private static long attemptScheduledAt() {
    return Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp();
  }
}
