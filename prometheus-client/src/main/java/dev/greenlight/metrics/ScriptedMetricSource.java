package dev.greenlight.metrics;

import dev.greenlight.rollout.gates.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A metric source that plays a script: for each query, values that hold from a given offset after
 * the script's start until the next one. A value may also be "missing" (the series has no data
 * then) or "error" (reads taken then fail: an outage of the reader, such as Prometheus' API, while
 * the series keeps its value), which is how tests and rehearsals stage outages. A read after an
 * outage works again, also for the time the outage lasted. Queries with no script have no data.
 *
 * <p>Thread-safe once built.
 */
public final class ScriptedMetricSource implements MetricSource {
  /** What a script says about a query from one offset on. */
  public record Segment(Duration from, double value, Kind kind) {
    /** A reading, no data, or a failing read. */
    public enum Kind {
      VALUE,
      MISSING,
      ERROR
    }
  }

  private final Instant start;
  private final Map<String, TreeMap<Long, Segment>> scripts;
  private final LongSupplier clock;

  private ScriptedMetricSource(
      Instant start, Map<String, TreeMap<Long, Segment>> scripts, LongSupplier clock) {
    this.start = start;
    this.scripts = scripts;
    this.clock = clock;
  }

  /**
   * Fails a read taken while the script says the source is out. With a clock that is the clock's
   * now; without one, the time the read is for.
   */
  private void failIfOut(String query, Instant readFor) {
    long now = clock == null ? readFor.toEpochMilli() : clock.getAsLong();
    Segment seg = segmentAt(query, now);
    if (seg != null && seg.kind() == Segment.Kind.ERROR) {
      throw new MetricReadException(
          "scripted outage for " + query + " at " + Instant.ofEpochMilli(now));
    }
  }

  public static Builder startingAt(Instant start) {
    return new Builder(start);
  }

  @Override
  public List<Sample> range(String query, Instant from, Instant to, Duration step) {
    failIfOut(query, to);
    List<Sample> samples = new ArrayList<>();
    TreeMap<Long, Segment> script = scripts.get(query);
    if (script == null) {
      return samples;
    }
    // One lookup per segment the range crosses, not per sample: the soak reads 24 h of 1-minute
    // samples per gate every poll, and between two segment starts the series' value is constant.
    long base = start.toEpochMilli();
    long t = from.toEpochMilli();
    long end = to.toEpochMilli();
    while (t <= end) {
      Segment seg = seriesAt(query, t);
      Long next = script.higherKey(t - base);
      long spanEnd = next == null ? end : Math.min(end, base + next - 1);
      boolean data = seg != null && seg.kind() == Segment.Kind.VALUE;
      for (; t <= spanEnd; t += step.toMillis()) {
        if (data) {
          samples.add(new Sample(t, seg.value()));
        }
      }
    }
    return samples;
  }

  @Override
  public double instant(String query, Instant at) {
    failIfOut(query, at);
    Segment seg = seriesAt(query, at.toEpochMilli());
    return seg == null || seg.kind() != Segment.Kind.VALUE ? Double.NaN : seg.value();
  }

  private Segment segmentAt(String query, long epochMillis) {
    TreeMap<Long, Segment> script = scripts.get(query);
    if (script == null) {
      return null;
    }
    Map.Entry<Long, Segment> entry = script.floorEntry(epochMillis - start.toEpochMilli());
    return entry == null ? null : entry.getValue();
  }

  /** The series' own value at {@code epochMillis}, NaN when it has no data then. */
  public double valueAt(String query, long epochMillis) {
    Segment seg = seriesAt(query, epochMillis);
    return seg == null || seg.kind() != Segment.Kind.VALUE ? Double.NaN : seg.value();
  }

  /** Whether a read taken at {@code epochMillis} fails. */
  public boolean outAt(String query, long epochMillis) {
    Segment seg = segmentAt(query, epochMillis);
    return seg != null && seg.kind() == Segment.Kind.ERROR;
  }

  /**
   * The series' own value at a time: an outage is of the reader, not of the series, so inside one
   * the series keeps the value it had before it.
   */
  private Segment seriesAt(String query, long epochMillis) {
    TreeMap<Long, Segment> script = scripts.get(query);
    if (script == null) {
      return null;
    }
    Map.Entry<Long, Segment> entry = script.floorEntry(epochMillis - start.toEpochMilli());
    while (entry != null && entry.getValue().kind() == Segment.Kind.ERROR) {
      entry = script.lowerEntry(entry.getKey());
    }
    return entry == null ? null : entry.getValue();
  }

  /** Collects segments per query; later segments of a query start where earlier ones end. */
  public static final class Builder {
    private final Instant start;
    private final Map<String, TreeMap<Long, Segment>> scripts = new HashMap<>();
    private LongSupplier clock;

    private Builder(Instant start) {
      this.start = start;
    }

    /**
     * The source's "now" in epoch millis, e.g. a test environment's simulated time: an outage then
     * fails the reads taken during it, including reads of earlier times (such as the end of a past
     * WARN-exit day), and a read taken after it works.
     */
    public Builder clock(LongSupplier clock) {
      this.clock = clock;
      return this;
    }

    public Builder value(String query, Duration from, double value) {
      return add(query, new Segment(from, value, Segment.Kind.VALUE));
    }

    public Builder missing(String query, Duration from) {
      return add(query, new Segment(from, Double.NaN, Segment.Kind.MISSING));
    }

    public Builder error(String query, Duration from) {
      return add(query, new Segment(from, Double.NaN, Segment.Kind.ERROR));
    }

    public Builder add(String query, Segment segment) {
      if (segment.from().isNegative()) {
        throw new IllegalArgumentException(
            "segment offset must not be negative but was " + segment.from());
      }
      scripts.computeIfAbsent(query, q -> new TreeMap<>()).put(segment.from().toMillis(), segment);
      return this;
    }

    public ScriptedMetricSource build() {
      Map<String, TreeMap<Long, Segment>> copy = new HashMap<>();
      scripts.forEach((q, s) -> copy.put(q, new TreeMap<>(s)));
      return new ScriptedMetricSource(start, copy, clock);
    }
  }
}
