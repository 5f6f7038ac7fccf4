package dev.greenlight.rollout;

/**
 * How far the WARN exit got: its good days in a row, when it started, the day read next and that
 * day's failed reads. Part of {@link RolloutState}; workflow-thread only.
 */
public final class WarnExitProgress {
  public int warnExitGoodDays;
  public long warnExitStartedAtMillis;

  /** The aligned WARN-exit day read next, counted from 0 at the phase start. */
  public int warnExitDay;

  /** Failed reads of the current WARN-exit day so far. */
  public int warnExitFailedReads;

  /** Starts the WARN exit at {@code nowMillis}: day 0 read next, no good days yet. */
  public void start(long nowMillis) {
    warnExitStartedAtMillis = nowMillis;
    warnExitDay = 0;
    warnExitGoodDays = 0;
  }
}
