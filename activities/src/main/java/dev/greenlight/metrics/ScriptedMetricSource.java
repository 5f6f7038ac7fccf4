package dev.greenlight.metrics;

import dev.greenlight.rollout.gates.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric source that plays a script: for each query, values that hold from a given offset after
 * the script's start until the next one. A value may also be "missing" (no data) or "error" (the
 * read fails), which is how tests and rehearsals stage outages. Queries with no script have no
 * data.
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

  private ScriptedMetricSource(Instant start, Map<String, TreeMap<Long, Segment>> scripts) {
    this.start = start;
    this.scripts = scripts;
  }

  public static Builder startingAt(Instant start) {
    return new Builder(start);
  }

  @Override
  public List<Sample> range(String query, Instant from, Instant to, Duration step) {
    List<Sample> samples = new ArrayList<>();
    for (long t = from.toEpochMilli(); t <= to.toEpochMilli(); t += step.toMillis()) {
      Segment seg = segmentAt(query, t);
      if (seg == null || seg.kind() == Segment.Kind.MISSING) {
        continue;
      }
      if (seg.kind() == Segment.Kind.ERROR) {
        throw new MetricReadException(
            "scripted outage for " + query + " at " + Instant.ofEpochMilli(t));
      }
      samples.add(new Sample(t, seg.value()));
    }
    return samples;
  }

  @Override
  public double instant(String query, Instant at) {
    Segment seg = segmentAt(query, at.toEpochMilli());
    if (seg == null || seg.kind() == Segment.Kind.MISSING) {
      return Double.NaN;
    }
    if (seg.kind() == Segment.Kind.ERROR) {
      throw new MetricReadException("scripted outage for " + query + " at " + at);
    }
    return seg.value();
  }

  private Segment segmentAt(String query, long epochMillis) {
    TreeMap<Long, Segment> script = scripts.get(query);
    if (script == null) {
      return null;
    }
    Map.Entry<Long, Segment> entry = script.floorEntry(epochMillis - start.toEpochMilli());
    return entry == null ? null : entry.getValue();
  }

  /** Collects segments per query; later segments of a query start where earlier ones end. */
  public static final class Builder {
    private final Instant start;
    private final Map<String, TreeMap<Long, Segment>> scripts = new HashMap<>();

    private Builder(Instant start) {
      this.start = start;
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
      return new ScriptedMetricSource(start, copy);
    }
  }
}
