package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import java.util.function.LongSupplier;

/**
 * The real mode activities, steerable by {@link FaultSwitches}: while {@code mode-flips-fail} holds
 * at an attempt's scheduled time, the attempt writes nothing and fails non-retryably, as a write
 * Redis refused would fail for good — so a rehearsal does not wait out the stub's retries, and the
 * workflow's own retry of a pending downgrade is what tries again.
 */
public final class FaultyModeActivities implements ModeActivities {
  private final ModeActivities delegate;
  private final FaultSwitches switches;
  private final LongSupplier now;

  /** Asks {@code switches} at each activity attempt's scheduled (simulated) time. */
  public FaultyModeActivities(ModeActivities delegate, FaultSwitches switches) {
    this(delegate, switches, FaultyDataActivities::attemptScheduledAt);
  }

  /**
   * @param now the simulated time of the call (tests)
   */
  FaultyModeActivities(ModeActivities delegate, FaultSwitches switches, LongSupplier now) {
    this.delegate = delegate;
    this.switches = switches;
    this.now = now;
  }

  @Override
  public ModeFlipResult flipMode(ModeFlipRequest request) {
    FaultyDataActivities.failIfHolding(
        switches,
        FaultSwitches.MODE_FLIPS_FAIL,
        now.getAsLong(),
        "Redis refused the write of " + request.mode().wireName() + " " + request.percent() + "%");
    return delegate.flipMode(request);
  }
}
