package dev.greenlight.validator.internal;

import dev.greenlight.validator.ModeRecord;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The metric series of one validated surface: the mode in force (0 off, 1 warn, 2 enforce), its
 * enforce percentage, the fallbacks taken, and whether Redis is unreachable or the record
 * unreadable, as the data points of {@link dev.greenlight.validator.ValidatorMetrics}. Thread-safe.
 */
public record SurfaceMetrics(
    GaugeDataPoint modeGauge,
    GaugeDataPoint enforcePercentGauge,
    CounterDataPoint fallbackCounter,
    GaugeDataPoint inFallbackGauge,
    GaugeDataPoint unreadableGauge) {
  /** Shows {@code record} as the mode in force. */
  public void show(ModeRecord record) {
    // The ordinal is the documented gauge value: OFF 0, WARN 1, ENFORCE 2.
    modeGauge.set(record.mode().ordinal());
    enforcePercentGauge.set(record.enforcePercent());
  }

  /** Counts one refresh that failed or read an unreadable record: the last-known or default. */
  public void fallback() {
    fallbackCounter.inc();
  }

  /** Shows whether the resolver is serving from memory because Redis cannot be read. */
  public void inFallback(boolean serving) {
    inFallbackGauge.set(serving ? 1 : 0);
  }

  /** Shows whether the stored record is unreadable, so the default is served. */
  public void unreadable(boolean unreadable) {
    unreadableGauge.set(unreadable ? 1 : 0);
  }
}
