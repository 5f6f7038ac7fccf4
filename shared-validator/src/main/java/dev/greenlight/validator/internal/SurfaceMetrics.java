package dev.greenlight.validator.internal;

import dev.greenlight.validator.ModeRecord;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The metric series of one validated surface: the mode in force (0 off, 1 warn, 2 enforce), its
 * enforce percentage, and the fallbacks taken. Thread-safe.
 */
public final class SurfaceMetrics {
  private final GaugeDataPoint mode;
  private final GaugeDataPoint enforcePercent;
  private final CounterDataPoint fallbacks;
  private final GaugeDataPoint inFallback;

  public SurfaceMetrics(
      GaugeDataPoint mode,
      GaugeDataPoint enforcePercent,
      CounterDataPoint fallbacks,
      GaugeDataPoint inFallback) {
    this.mode = mode;
    this.enforcePercent = enforcePercent;
    this.fallbacks = fallbacks;
    this.inFallback = inFallback;
  }

  /** Shows {@code record} as the mode in force. */
  public void show(ModeRecord record) {
    // The ordinal is the documented gauge value: OFF 0, WARN 1, ENFORCE 2.
    mode.set(record.mode().ordinal());
    enforcePercent.set(record.enforcePercent());
  }

  /** Counts one refresh that failed, so the last-known or default mode stayed in force. */
  public void fallback() {
    fallbacks.inc();
  }

  /** Shows whether the resolver is serving from memory because Redis cannot be read. */
  public void inFallback(boolean serving) {
    inFallback.set(serving ? 1 : 0);
  }
}
