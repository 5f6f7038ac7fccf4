package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;

/**
 * The real mode activities, steerable by {@link FaultSwitches}: while {@code mode-flips-fail} holds
 * at an attempt's scheduled time, the attempt writes nothing and fails non-retryably, as a write
 * Redis refused would fail for good — so a rehearsal does not wait out the stub's retries, and the
 * workflow's own retry of a pending downgrade is what tries again.
 */
public final class FaultyModeActivities extends FaultyActivities<ModeActivities>
    implements ModeActivities {
  /**
   * @param faults asked at each activity attempt's scheduled (simulated) time
   */
  FaultyModeActivities(ModeActivities delegate, InjectedFaults faults) {
    super(delegate, faults);
  }

  @Override
  public ModeFlipResult flipMode(ModeFlipRequest request) {
    faults.failIfHolding(
        FaultSwitches.MODE_FLIPS_FAIL,
        "Redis refused the write of " + request.mode().wireName() + " " + request.percent() + "%");
    return delegate.flipMode(request);
  }
}
