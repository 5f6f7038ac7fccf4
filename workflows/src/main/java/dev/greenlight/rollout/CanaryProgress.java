package dev.greenlight.rollout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the canary is: its step, since when, each gate's mean over the step and the previous
 * step's, what holds ENFORCE or a promotion back, and how often it rolled back. Part of {@link
 * RolloutState}; workflow-thread only.
 */
public final class CanaryProgress {
  public int canaryStep;
  public long stepStartedAtMillis;
  public boolean stepStarted;
  public Map<String, Double> stepMeanSum = new LinkedHashMap<>();
  public Map<String, Long> stepMeanCount = new LinkedHashMap<>();
  public Map<String, Double> previousStepMeans = new LinkedHashMap<>();
  public int rollbacks;

  /**
   * Why ENFORCE is not being entered yet (no fresh green WARN verdict), null when it is not held.
   */
  public String enforceHeld;

  /** Why a green step is not promoted (a regression from the previous step), null when not held. */
  public String promotionHeld;
}
