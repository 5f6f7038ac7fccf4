package dev.greenlight.validator.internal;

import dev.greenlight.validator.ModeRecord;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The metric series of one validated surface: the mode in force (0 off, 1 warn, 2 enforce), its
 * enforce percentage, the fallbacks taken, and whether Redis is unreachable or the record
 * unreadable. Thread-safe.
 */
public final class SurfaceMetrics {
  private final GaugeDataPoint mode;
  private final GaugeDataPoint enforcePercent;
  private final CounterDataPoint fallbacks;
  private final GaugeDataPoint inFallback;
  private final GaugeDataPoint unreadable;

  public SurfaceMetrics(
      GaugeDataPoint mode,
      GaugeDataPoint enforcePercent,
      CounterDataPoint fallbacks,
      GaugeDataPoint inFallback,
      GaugeDataPoint unreadable) {
    this.mode = mode;
    this.enforcePercent = enforcePercent;
    this.fallbacks = fallbacks;
    this.inFallback = inFallback;
    this.unreadable = unreadable;
  }

  /** Shows {@code record} as the mode in force. */
  public void show(ModeRecord record) {
    // The ordinal is the documented gauge value: OFF 0, WARN 1, ENFORCE 2.
    mode.set(record.mode().ordinal());
    enforcePercent.set(record.enforcePercent());
  }

  /** Counts one refresh that failed or read an unreadable record: the last-known or default. */
  public void fallback() {
    fallbacks.inc();
  }

  /** Shows whether the resolver is serving from memory because Redis cannot be read. */
  public void inFallback(boolean serving) {
    inFallback.set(serving ? 1 : 0);
  }

  /** Shows whether the stored record is unreadable, so the default is served. */
  public void unreadable(boolean unreadable) {
    this.unreadable.set(unreadable ? 1 : 0);
  }
}
