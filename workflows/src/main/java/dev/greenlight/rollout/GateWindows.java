package dev.greenlight.rollout;

import dev.greenlight.rollout.GateWindow.Verdict;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.GateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Each gate's own trailing window (safety invariant 1). A gate is green when, on its own, its
 * readings over the trailing window cover at least {@link GateVerdicts#MIN_COVERAGE} of it, every
 * one is green, its newest reading is no older than two of its steps, and a whole window has passed
 * since its anchor — the step's start or its latest red, missing, stale or errored reading.
 *
 * <p>Gates are never pooled: one dark gate cannot borrow coverage from two healthy ones, and a gap
 * anywhere in the trailing window counts, however long ago the window opened.
 */
final class GateWindows {
  private GateWindows() {}

  /** Starts every gate's window at {@code atMillis}: a step starts, or a pause lifted. */
  static void restart(RolloutState s, List<GateSpec> gates, long atMillis) {
    s.gates.gateWindows.clear();
    for (GateSpec gate : gates) {
      s.gates.gateWindows.put(
          gate.name(),
          new GateWindow(
              gate.name(),
              atMillis,
              Verdict.EARNING,
              "window starts",
              atMillis,
              0,
              Double.NaN,
              Double.NaN));
    }
  }

  /**
   * Folds one read of the trailing window {@code [now - windowMillis, now]} into each gate's
   * window.
   *
   * @return whether every gate is green
   */
  static boolean observe(
      RolloutState s, List<GateSpec> gates, List<GateSummary> read, long now, long windowMillis) {
    boolean allGreen = !gates.isEmpty();
    for (GateSpec gate : gates) {
      GateSummary summary = find(read, gate.name());
      GateWindow before = s.gates.gateWindows.get(gate.name());
      long anchor = before == null ? now : before.anchorMillis();
      GateWindow after = judge(gate, summary, anchor, now, windowMillis);
      s.gates.gateWindows.put(gate.name(), after);
      allGreen &= after.verdict() == Verdict.GREEN;
    }
    return allGreen;
  }

  static GateWindow judge(GateSpec gate, GateSummary g, long anchor, long now, long windowMillis) {
    if (g == null || g.outcome() == GateSummary.Outcome.ERROR) {
      String error = g == null ? "not read" : g.error();
      return window(gate, now, Verdict.ERROR, "read failed: " + error, now, g);
    }
    if (g.outcome() == GateSummary.Outcome.NO_DATA) {
      return window(
          gate, now, Verdict.NO_DATA, "no data in the last " + minutes(windowMillis), now, g);
    }
    long staleAfter = 2 * gate.step().toMillis();
    if (g.newestAtMillis() > 0 && now - g.newestAtMillis() > staleAfter) {
      return window(
          gate,
          now,
          Verdict.STALE,
          "newest reading is "
              + minutes(now - g.newestAtMillis())
              + " old (limit "
              + minutes(staleAfter)
              + ")",
          now,
          g);
    }
    if (g.lastRedAtMillis() > 0) {
      long at = Math.max(anchor, g.lastRedAtMillis());
      return window(
          gate,
          at,
          Verdict.RED,
          "red at "
              + RolloutWording.time(g.lastRedAtMillis())
              + " (last "
              + number(g.lastValue())
              + ", green "
              + (gate.comparison() == GateSpec.Comparison.BELOW ? "below " : "at least ")
              + number(gate.threshold())
              + ")",
          now,
          g);
    }
    if (g.coverage() < GateVerdicts.MIN_COVERAGE) {
      return window(
          gate,
          anchor,
          Verdict.LOW_COVERAGE,
          "readings cover "
              + Math.round(g.coverage() * 100)
              + "% of the last "
              + minutes(windowMillis)
              + " (needs "
              + Math.round(GateVerdicts.MIN_COVERAGE * 100)
              + "%)",
          now,
          g);
    }
    long earned = now - anchor;
    return earned >= windowMillis
        ? window(gate, anchor, Verdict.GREEN, "green for " + minutes(earned), now, g)
        : window(
            gate,
            anchor,
            Verdict.EARNING,
            "green " + minutes(earned) + " of " + minutes(windowMillis),
            now,
            g);
  }

  /** The shortest time any gate has been counting toward its window; 0 without windows. */
  static long greenFor(RolloutState s, long now) {
    return s.gates.gateWindows.values().stream()
        .mapToLong(w -> w.greenForMillis(now))
        .min()
        .orElse(0);
  }

  /** "p99-latency: no data in the last 30m; error-rate: …" for every gate that is not green. */
  static String notGreen(RolloutState s) {
    StringBuilder out = new StringBuilder();
    for (GateWindow w : s.gates.gateWindows.values()) {
      if (w.verdict() != Verdict.GREEN) {
        out.append(out.length() == 0 ? "" : "; ").append(w.gate()).append(": ").append(w.detail());
      }
    }
    return out.toString();
  }

  private static GateWindow window(
      GateSpec gate, long anchor, Verdict verdict, String detail, long now, GateSummary g) {
    return new GateWindow(
        gate.name(),
        anchor,
        verdict,
        detail,
        now,
        g == null ? 0 : g.coverage(),
        g == null ? Double.NaN : g.lastValue(),
        g == null ? Double.NaN : g.mean());
  }

  private static GateSummary find(List<GateSummary> read, String gate) {
    for (GateSummary g : read) {
      if (g.gate().equals(gate)) {
        return g;
      }
    }
    return null;
  }

  /** A duration rounded down for people: "1h35m", "30m", "45s". */
  static String minutes(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    if (d.toHours() > 0) {
      return d.toHours() + "h" + (d.toMinutesPart() == 0 ? "" : d.toMinutesPart() + "m");
    }
    return d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
