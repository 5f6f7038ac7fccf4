package dev.greenlight.starter.rehearse;

import dev.greenlight.metrics.MetricReadException;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.metrics.ScriptedMetricSource;
import dev.greenlight.rollout.gates.Sample;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The metric source of a rehearsal: a {@link ScriptedMetricSource} keyed by each gate's query,
 * starting from a healthy baseline and bent by the scenario as it plays — and a record of every
 * reading the workflow actually took, for the report.
 *
 * <p>A scenario names gates, not queries; a plain name stands for every query of that name in the
 * plan ({@code unknown-rate} is both the WARN gate and the canary gate). A name qualified by its
 * plan section ({@code off.}, {@code warn.}, {@code canary.}, {@code warnExit.}) stands for that
 * section's query alone: {@code canary.unknown-rate} leaves WARN's unknown rate as it is. Gates of
 * one query share it either way ({@code warn.unknown-rate} and {@code warn.unknown-rate-block} are
 * one series in v3.4). Thread-safe.
 */
public final class MetricScript implements MetricSource {
  /** The name of the plan's baseline query, which has no gate of its own. */
  public static final String UNKNOWN_BASELINE = "unknown-baseline";

  /** What the workflow read: a value, or a failed read (value NaN). */
  public record Reading(long atMillis, double value, boolean error) {}

  private final Map<String, List<String>> queriesByGate = new LinkedHashMap<>();
  private final Map<String, List<String>> queriesBySectionGate = new LinkedHashMap<>();
  private final Map<String, Double> baseline = new LinkedHashMap<>();
  private final ScriptedMetricSource.Builder builder;
  private final Map<String, TreeMap<Long, Reading>> readings = new LinkedHashMap<>();

  /**
   * Per query, the newest sample time already recorded since the script last changed: the same
   * script gives the same value at the same time, so a trailing window read again (the soak reads
   * 24 h per gate every poll) records only its new samples. A change clears it.
   */
  private final Map<String, Long> recordedThrough = new HashMap<>();

  private volatile ScriptedMetricSource current;

  public MetricScript(RolloutPlan plan, Instant start) {
    this(plan, start, null);
  }

  /**
   * @param clock the simulated clock: an outage then fails the reads taken during it, including
   *     reads of earlier times (a WARN-exit day retried after its end); null decides by the time
   *     read
   */
  public MetricScript(RolloutPlan plan, Instant start, LongSupplier clock) {
    builder = ScriptedMetricSource.startingAt(start);
    if (clock != null) {
      builder.clock(clock);
    }
    healthy("off", plan.off().requestsPerEndpoint(), 25_000);
    healthy("off", UNKNOWN_BASELINE, plan.off().unknownBaselineQuery(), 0.02);
    healthy("warn", plan.warn().unknownRate(), 0.002);
    healthy("warn", plan.warn().enforceBlock(), 0.002);
    for (GateSpec gate : plan.canary().gates()) {
      healthy(
          "canary",
          gate,
          gate.comparison() == GateSpec.Comparison.BELOW
              ? gate.threshold() / 4
              : gate.threshold() * 2);
    }
    healthy("warnExit", plan.warnExit().unknownRate(), 0.001);
    current = builder.build();
  }

  private void healthy(String section, GateSpec gate, double value) {
    healthy(section, gate.name(), gate.query(), value);
  }

  private void healthy(String section, String name, String query, double value) {
    addQuery(queriesByGate, name, query);
    addQuery(queriesBySectionGate, section + "." + name, query);
    baseline.putIfAbsent(query, value);
    builder.value(query, Duration.ZERO, value);
  }

  private static void addQuery(Map<String, List<String>> byName, String name, String query) {
    List<String> queries = byName.computeIfAbsent(name, n -> new ArrayList<>());
    if (!queries.contains(query)) {
      queries.add(query);
    }
  }

  /** The gate names a scenario may use: plain names first, then section-qualified ones. */
  public List<String> gateNames() {
    List<String> names = new ArrayList<>(queriesByGate.keySet());
    names.addAll(queriesBySectionGate.keySet());
    return List.copyOf(names);
  }

  /** The queries a scenario's gate name stands for, or null when the plan has no such gate. */
  synchronized List<String> queries(String gate) {
    List<String> queries = queriesByGate.get(gate);
    return queries != null ? queries : queriesBySectionGate.get(gate);
  }

  /**
   * From {@code from} (after the start) on, applies {@code change} to every query its gate name
   * stands for.
   *
   * @throws ScenarioException when the plan has no gate of that name
   */
  public synchronized void apply(ScenarioEvent.MetricChange change, Duration from) {
    List<String> queries = queries(change.gate());
    if (queries == null) {
      throw new ScenarioException(
          "the scenario names gate '"
              + change.gate()
              + "' but the plan's gates are "
              + gateNames());
    }
    for (String query : queries) {
      switch (change.kind()) {
        case VALUE -> builder.value(query, from, change.value());
        case MISSING -> builder.missing(query, from);
        case ERROR -> builder.error(query, from);
        case HEALTHY -> builder.value(query, from, baseline.get(query));
      }
    }
    current = builder.build();
    recordedThrough.clear();
  }

  @Override
  public List<Sample> range(String query, Instant from, Instant to, Duration step) {
    try {
      ScriptedMetricSource script = current;
      List<Sample> samples = script.range(query, from, to, step);
      recordNew(query, samples, script);
      return samples;
    } catch (MetricReadException e) {
      record(query, new Reading(to.toEpochMilli(), Double.NaN, true));
      throw e;
    }
  }

  @Override
  public double instant(String query, Instant at) {
    try {
      double value = current.instant(query, at);
      record(query, new Reading(at.toEpochMilli(), value, false));
      return value;
    } catch (MetricReadException e) {
      record(query, new Reading(at.toEpochMilli(), Double.NaN, true));
      throw e;
    }
  }

  /** Records the samples newer than those recorded already; {@code script} is what read them. */
  private synchronized void recordNew(
      String query, List<Sample> samples, ScriptedMetricSource script) {
    if (samples.isEmpty()) {
      return;
    }
    TreeMap<Long, Reading> r = readings.computeIfAbsent(query, q -> new TreeMap<>());
    long through = recordedThrough.getOrDefault(query, Long.MIN_VALUE);
    for (Sample s : samples) {
      if (s.epochMillis() > through) {
        r.put(s.epochMillis(), new Reading(s.epochMillis(), s.value(), false));
      }
    }
    if (script == current) {
      // A script changed meanwhile may answer the next read differently: record it all again.
      recordedThrough.merge(query, samples.get(samples.size() - 1).epochMillis(), Math::max);
    }
  }

  private synchronized void record(String query, Reading reading) {
    readings.computeIfAbsent(query, q -> new TreeMap<>()).put(reading.atMillis(), reading);
  }

  /** The scripted value of gate {@code gate} at {@code atMillis}, NaN when it has no data then. */
  public double valueAt(String gate, long atMillis) {
    return current.valueAt(firstQuery(gate), atMillis);
  }

  /** Whether a read of gate {@code gate} taken at {@code atMillis} fails. */
  public boolean readFailsAt(String gate, long atMillis) {
    return current.outAt(firstQuery(gate), atMillis);
  }

  private String firstQuery(String gate) {
    List<String> queries = queriesByGate.get(gate);
    if (queries == null) {
      throw new ScenarioException(
          "no gate named '" + gate + "'; the plan's gates are " + gateNames());
    }
    return queries.get(0);
  }

  /** Every reading taken of {@code query}, in time order. */
  public synchronized List<Reading> readings(String query) {
    TreeMap<Long, Reading> r = readings.get(query);
    return r == null ? List.of() : List.copyOf(r.values());
  }
}
