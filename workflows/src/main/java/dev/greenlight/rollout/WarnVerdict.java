package dev.greenlight.rollout;

import dev.greenlight.rollout.GateWindow.Verdict;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.WarnSpec;
import java.util.List;

/**
 * The fresh WARN verdict every ENFORCE entry needs (safety invariant 8): read at that moment, the
 * unknown rate over the whole WARN window is green on its own terms (fresh, covered, every reading
 * under the threshold) and the block rule (≥ 1 % for 10 minutes in v3.4) does not hold. Until then
 * the canary holds in warn, polls, and says why in status ({@link CanaryPhase}).
 */
final class WarnVerdict {
  private WarnVerdict() {}

  /** How a verdict that could not be read starts. */
  static final String UNREADABLE = "the WARN verdict cannot be read";

  /**
   * Reads the verdict now.
   *
   * @return why ENFORCE may not be entered, or null when it may
   */
  static String held(RolloutContext c) {
    WarnSpec spec = c.plan.warn();
    long now = c.now();
    long window = spec.window().toMillis();
    List<GateSummary> read =
        c.readGates(List.of(spec.unknownRate(), spec.enforceBlock()), now - window, now, false);
    if (GateVerdicts.anyError(read)) {
      return UNREADABLE;
    }
    String block = GateVerdicts.breach(List.of(spec.enforceBlock()), read);
    if (block != null) {
      return "ENFORCE is blocked: " + block;
    }
    GateWindow verdict = judge(spec, read, now);
    if (verdict.verdict() != Verdict.GREEN) {
      return spec.unknownRate().name()
          + " "
          + verdict.detail()
          + " (needs "
          + spec.unknownRate().name()
          + " green over the last "
          + GateWindows.minutes(window)
          + " and no block, read now)";
    }
    return null;
  }

  /** The unknown rate over the whole trailing WARN window, anchored a window back. */
  static GateWindow judge(WarnSpec spec, List<GateSummary> read, long now) {
    long window = spec.window().toMillis();
    GateSummary unknown =
        read.stream()
            .filter(g -> g.gate().equals(spec.unknownRate().name()))
            .findFirst()
            .orElse(null);
    return GateWindows.judge(spec.unknownRate(), unknown, now - window, now, window);
  }
}
