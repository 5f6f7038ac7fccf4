package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.PauseCause;
import java.util.ArrayList;
import java.util.List;

/**
 * What people and alerts asked of a rollout and it has not finished acting on: a pause, the
 * approvals it waits for, an abort, a promotion, a canary retry, an alert. Part of {@link
 * RolloutState}; workflow-thread only.
 */
public final class RolloutSteering {
  public boolean paused;
  public String pauseReason;
  public PauseCause pauseCause;

  /** Approval steps ({@code RolloutConstants.APPROVE_*}) the rollout waits on, in order asked. */
  public List<String> pendingApprovals = new ArrayList<>();

  public boolean abortRequested;
  public String abortReason;
  public PromoteInput promoteRequested;
  public boolean retryRequested;
  public AlertSignal pendingAlert;

  /** Pauses for {@code cause}, saying why; a later pause replaces the reason. */
  public void pause(PauseCause cause, String reason) {
    paused = true;
    pauseCause = cause;
    pauseReason = reason;
  }

  /** Lifts the pause, whatever caused it. */
  public void unpause() {
    paused = false;
    pauseCause = null;
    pauseReason = null;
  }
}
