package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes the validation mode the API reads from Redis: versioned, audited, published. */
@ActivityInterface
public interface ModeActivities {
  @ActivityMethod
  ModeFlipResult flipMode(ModeFlipRequest request);
}
