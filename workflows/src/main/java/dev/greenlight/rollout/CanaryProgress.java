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

  /** Enters the current step at {@code nowMillis}: its minimum and its means start now. */
  public void startStep(long nowMillis) {
    stepStarted = true;
    stepStartedAtMillis = nowMillis;
    promotionHeld = null;
  }

  /** Leaves the current step unfinished; it is entered again, from the start. */
  public void leaveStep() {
    stepStarted = false;
    promotionHeld = null;
  }

  /** The step passed with these gate means, the next step's baseline. */
  public void promoted(Map<String, Double> stepMeans) {
    previousStepMeans = stepMeans;
    leaveStep();
  }

  /**
   * A rollback: counted, and nothing holds ENFORCE or a promotion until the step is entered again.
   */
  public void rolledBack() {
    rollbacks++;
    leaveStep();
    enforceHeld = null;
  }

  /** A retry after a rollback starts over at the first step, with no baseline. */
  public void restartFromFirstStep() {
    canaryStep = 0;
    stepStarted = false;
    previousStepMeans = new LinkedHashMap<>();
  }
}
