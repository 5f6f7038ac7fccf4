package dev.greenlight.rollout;

/**
 * A downgrade to warn (rollback, abort, blind ENFORCE) the rollout owes Redis until it lands, and
 * how its attempts fared. Part of {@link RolloutState}; workflow-thread only.
 */
public final class RolloutDowngrade {
  /** Why warn must be written; null when no downgrade is owed. */
  public String pendingDowngrade;

  public int downgradeAttempts;
  public String downgradeError;

  /**
   * Owes Redis a downgrade for {@code reason}; the attempts of one still owed keep counting, so a
   * second reason does not reset how long Redis has refused.
   */
  public void owe(String reason) {
    pendingDowngrade = reason;
  }

  /** The downgrade landed: nothing is owed. */
  public void landed() {
    pendingDowngrade = null;
    downgradeAttempts = 0;
    downgradeError = null;
  }
}
