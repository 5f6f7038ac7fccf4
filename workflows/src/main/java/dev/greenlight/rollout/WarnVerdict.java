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
 * the rollout holds in warn, polls, and says why in status.
 */
final class WarnVerdict {
  private WarnVerdict() {}

  /**
   * Reads the verdict now; when it is not green, records why (once), holds and waits a poll.
   *
   * @return whether ENFORCE may be entered now
   */
  static boolean isFresh(RolloutContext c) {
    RolloutState s = c.state;
    WarnSpec spec = c.plan.warn();
    long now = c.now();
    long window = spec.window().toMillis();
    List<GateSummary> read =
        c.readGates(List.of(spec.unknownRate(), spec.enforceBlock()), now - window, now);
    GateSummary unknown =
        read.stream()
            .filter(g -> g.gate().equals(spec.unknownRate().name()))
            .findFirst()
            .orElse(null);
    // Anchored a whole window back: the verdict is about the trailing window alone.
    GateWindow verdict = GateWindows.judge(spec.unknownRate(), unknown, now - window, now, window);
    String block = GateVerdicts.breach(List.of(spec.enforceBlock()), read);
    String held =
        block != null
            ? "ENFORCE is blocked: " + block
            : verdict.verdict() != Verdict.GREEN
                ? spec.unknownRate().name() + " " + verdict.detail()
                : s.paused ? "the rollout is paused (" + s.pauseReason + ")" : null;
    if (held == null) {
      if (s.enforceHeld != null) {
        c.record("fresh WARN verdict green: " + spec.unknownRate().name() + " " + verdict.detail());
      }
      s.enforceHeld = null;
      return true;
    }
    if (s.enforceHeld == null) {
      c.record(
          "ENFORCE held in warn: "
              + held
              + " (needs "
              + spec.unknownRate().name()
              + " green over the last "
              + GateWindows.minutes(window)
              + " and no block, read now)");
    }
    s.enforceHeld = held;
    c.refreshDetails();
    c.sleep(c.plan.pollInterval(), "holding ENFORCE for a fresh WARN verdict");
    return false;
  }
}
