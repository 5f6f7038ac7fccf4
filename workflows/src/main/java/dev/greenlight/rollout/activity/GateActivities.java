package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Reads metric gates. An unreachable or failing metric source is reported in the summaries as an
 * error, not thrown, so the workflow can count errors in a row and pause.
 */
@ActivityInterface
public interface GateActivities {
  /** Summaries of each gate's readings over the request's range. */
  @ActivityMethod
  GateReadResult readGates(GateReadRequest request);

  /** One instant value, such as the baseline unknown fraction. */
  @ActivityMethod
  InstantReading readInstant(InstantRequest request);
}
