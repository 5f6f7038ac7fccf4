package dev.greenlight.rollout;

/**
 * One gate's trailing window as of its latest read: what the release manager sees per gate in
 * {@code status}, and what promotion decisions are made of.
 *
 * @param gate the gate's name
 * @param anchorMillis the window counts from here: the step's start, or the latest red, missing,
 *     stale or errored reading, whichever is later
 * @param verdict the gate's state at the latest read
 * @param detail one line a person can act on, e.g. "no data in the last 30m"
 * @param readAtMillis when the latest read was taken
 * @param coverage share of the trailing window's expected readings that were present
 * @param lastValue the newest reading, NaN when none
 * @param mean the mean over the trailing window, NaN when none
 */
public record GateWindow(
    String gate,
    long anchorMillis,
    Verdict verdict,
    String detail,
    long readAtMillis,
    double coverage,
    double lastValue,
    double mean) {

  /** A gate's state. Only {@link #GREEN} lets a step promote. */
  public enum Verdict {
    /** Fresh, covered, green readings for a whole trailing window after the anchor. */
    GREEN,
    /** Everything fine so far, but less than a whole window since the anchor. */
    EARNING,
    /** A reading in the trailing window was past the threshold. */
    RED,
    /** The query returned nothing. */
    NO_DATA,
    /** The newest reading is older than two of the gate's steps. */
    STALE,
    /** Readings cover less than the required share of the trailing window. */
    LOW_COVERAGE,
    /** The read failed. */
    ERROR
  }

  /** How long the gate has been counting toward its window at {@code now}. */
  public long greenForMillis(long now) {
    return verdict == Verdict.GREEN || verdict == Verdict.EARNING
        ? Math.max(0, now - anchorMillis)
        : 0;
  }
}
