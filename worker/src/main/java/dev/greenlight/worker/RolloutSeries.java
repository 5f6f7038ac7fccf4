package dev.greenlight.worker;

import dev.greenlight.rollout.GateWindow;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-rollout series of {@link RolloutMetrics}, made from each rollout's latest {@code status}:
 * gauges labelled {@code rollout} (the workflow id) and {@code plan}, and, for values the workflow
 * only ever adds to (rollbacks, failed notifications), counters. Phases, modes and gate verdicts
 * are state sets: one series per possible value, 1 for the current one and 0 for the others, so a
 * graph shows a line per state and a change is a step, never a vanished series.
 *
 * <p>Labels stay bounded: phases, modes, verdicts and comparisons are enums, gates are the plan's.
 */
final class RolloutSeries {
  private final Map<String, List<GaugeDataPointSnapshot>> gauges = new LinkedHashMap<>();
  private final Map<String, List<CounterDataPointSnapshot>> counters = new LinkedHashMap<>();

  private RolloutSeries() {}

  /** The series of every reading in {@code readings}. */
  static List<MetricSnapshot> of(Collection<OpenRollouts.Reading> readings) {
    RolloutSeries series = new RolloutSeries();
    readings.forEach(series::add);
    return series.snapshots();
  }

  /** Each family's help text: what a value means, for whoever reads {@code /metrics}. */
  private static final Map<String, String> HELP =
      Map.ofEntries(
          Map.entry(
              "greenlight_rollout_phase", "1 for the rollout's current phase, 0 for the others."),
          Map.entry(
              "greenlight_rollout_mode", "1 for the validation mode the rollout last set, else 0."),
          Map.entry(
              "greenlight_rollout_enforce_percent",
              "Canary percentage of consumers under ENFORCE."),
          Map.entry("greenlight_rollout_canary_step", "Index of the current canary step, from 0."),
          Map.entry(
              "greenlight_rollout_paused",
              "1 while the rollout is paused; cause MANUAL, METRICS …"),
          Map.entry(
              "greenlight_rollout_pending_approvals", "Approvals the rollout is waiting for."),
          Map.entry(
              "greenlight_rollout_phase_started_timestamp_seconds",
              "When the current phase began (workflow time)."),
          Map.entry(
              "greenlight_rollout_green_window_seconds",
              "How long the gates have been green in the current window."),
          Map.entry(
              "greenlight_rollout_green_window_target_seconds",
              "How long they must be green to move on; 0 outside windowed phases."),
          Map.entry("greenlight_rollout_gate_value", "Each gate's newest reading."),
          Map.entry(
              "greenlight_rollout_gate_threshold", "Each gate's green boundary from the plan."),
          Map.entry(
              "greenlight_rollout_gate_verdict",
              "1 for each gate's current verdict, 0 for the others."),
          Map.entry(
              "greenlight_rollout_gate_consecutive_read_errors",
              "Gate reads in a row that failed; the plan's maxConsecutiveGateErrors pauses."),
          Map.entry(
              "greenlight_rollout_status_read_timestamp_seconds",
              "When the worker last read this rollout's status (wall clock)."),
          Map.entry(
              "greenlight_rollout_rollbacks", "Rollbacks from a canary to warn in this rollout."),
          Map.entry(
              "greenlight_rollout_notifications_failed",
              "Notification deliveries that failed for good after their retries."));

  private void add(OpenRollouts.Reading reading) {
    RolloutStatus s = reading.status();
    Labels rollout = Labels.of("rollout", reading.workflowId(), "plan", String.valueOf(s.plan()));
    for (Phase phase : Phase.values()) {
      gauge("greenlight_rollout_phase", rollout.add("phase", phase.name()), is(s.phase() == phase));
    }
    for (ValidationMode mode : ValidationMode.values()) {
      gauge("greenlight_rollout_mode", rollout.add("mode", mode.wireName()), is(s.mode() == mode));
    }
    gauge("greenlight_rollout_enforce_percent", rollout, s.percent());
    gauge("greenlight_rollout_canary_step", rollout, s.canaryStep());
    // Rollouts paused before pause causes were recorded have none: UNKNOWN, never "none".
    String cause = !s.paused() ? "none" : s.pauseCause() == null ? "UNKNOWN" : s.pauseCause();
    gauge("greenlight_rollout_paused", rollout.add("cause", cause), is(s.paused()));
    gauge("greenlight_rollout_pending_approvals", rollout, s.pendingApprovals().size());
    gauge(
        "greenlight_rollout_phase_started_timestamp_seconds",
        rollout,
        s.phaseStartedAtMillis() / 1000.0);
    gauge("greenlight_rollout_green_window_seconds", rollout, s.greenWindowMillis() / 1000.0);
    gauge(
        "greenlight_rollout_green_window_target_seconds", rollout, s.windowTargetMillis() / 1000.0);
    gauge("greenlight_rollout_gate_consecutive_read_errors", rollout, s.consecutiveGateErrors());
    gauge(
        "greenlight_rollout_status_read_timestamp_seconds",
        rollout,
        reading.readAtMillis() / 1000.0);
    counter("greenlight_rollout_rollbacks", rollout, s.rollbacks());
    if (s.notifications() != null) {
      counter("greenlight_rollout_notifications_failed", rollout, s.notifications().failed());
    }
    addGates(rollout, s, reading.plan());
  }

  /**
   * Gate series from the gate windows (value and verdict), or, in phases that keep none (OFF), from
   * the latest readings (value only). Thresholds come from the plan's gates for the current phase
   * ({@link PhaseGates}): a gate's name can recur across phases (unknown-rate).
   */
  private void addGates(Labels rollout, RolloutStatus s, RolloutPlan plan) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (s.gateWindows().isEmpty()) {
      for (GateSummary reading : s.lastReadings()) {
        values.put(reading.gate(), reading.lastValue());
      }
    }
    for (GateWindow window : s.gateWindows()) {
      values.put(window.gate(), window.lastValue());
      for (GateWindow.Verdict verdict : GateWindow.Verdict.values()) {
        gauge(
            "greenlight_rollout_gate_verdict",
            rollout.add("gate", window.gate()).add("verdict", verdict.name()),
            is(window.verdict() == verdict));
      }
    }
    Map<String, GateSpec> specs = PhaseGates.of(plan, s.phase());
    values.forEach(
        (gate, value) -> {
          // NaN (no reading yet) would draw as a gap anyway; leaving it out keeps alerts simple.
          if (!Double.isNaN(value)) {
            gauge("greenlight_rollout_gate_value", rollout.add("gate", gate), value);
          }
          GateSpec spec = specs.get(gate);
          if (spec != null) {
            gauge(
                "greenlight_rollout_gate_threshold",
                rollout
                    .add("gate", gate)
                    .add("comparison", spec.comparison().name().toLowerCase(Locale.ROOT)),
                spec.threshold());
          }
        });
  }

  private static double is(boolean condition) {
    return condition ? 1 : 0;
  }

  private void gauge(String name, Labels labels, double value) {
    gauges
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  private void counter(String name, Labels labels, double value) {
    counters
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  private List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    gauges.forEach(
        (name, points) ->
            snapshots.add(new GaugeSnapshot(new MetricMetadata(name, HELP.get(name)), points)));
    counters.forEach(
        (name, points) ->
            snapshots.add(new CounterSnapshot(new MetricMetadata(name, HELP.get(name)), points)));
    return snapshots;
  }
}
