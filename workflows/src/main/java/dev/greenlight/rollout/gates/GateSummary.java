package dev.greenlight.rollout.gates;

/**
 * What one gate's readings over a time range amount to — small enough to keep in workflow history,
 * unlike the readings themselves.
 *
 * @param gate the gate's name
 * @param outcome whether data came back at all
 * @param error why the read failed, when {@code outcome} is {@code ERROR}
 * @param samplesExpected readings the range should hold at the gate's step
 * @param samplesPresent readings that had a value
 * @param lastValue the latest value, NaN when none
 * @param mean the mean of present values, NaN when none
 * @param lastRedAtMillis the time of the latest red reading, 0 when none was red
 * @param breachedForMillis how long the trailing run of breaching readings lasts, 0 when none
 * @param newestAtMillis the time of the newest present reading in the range, 0 when none (and in
 *     summaries recorded before the field existed)
 */
public record GateSummary(
    String gate,
    Outcome outcome,
    String error,
    int samplesExpected,
    int samplesPresent,
    double lastValue,
    double mean,
    long lastRedAtMillis,
    long breachedForMillis,
    long newestAtMillis) {

  /** Whether a read produced data. */
  public enum Outcome {
    DATA,
    NO_DATA,
    ERROR
  }

  public static GateSummary error(String gate, String error) {
    return new GateSummary(gate, Outcome.ERROR, error, 0, 0, Double.NaN, Double.NaN, 0, 0, 0);
  }

  /** Present readings over expected ones; 0 when nothing was expected. */
  public double coverage() {
    return samplesExpected == 0 ? 0 : Math.min(1.0, (double) samplesPresent / samplesExpected);
  }
}
