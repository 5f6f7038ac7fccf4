package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.RolloutWording;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.WarnExitSpec;
import java.time.Duration;
import java.util.List;

/**
 * After the soak: one reading of the unknown rate per day over that whole day. The rollout
 * completes after the plan's run of consecutive good days, and needs attention — with the mode left
 * as it is — when the cap passes first.
 *
 * <p>A "day" is the plan's {@code warnExit.period}, one day unless a compressed plan says
 * otherwise. The default equals the constant this phase used before the field existed, so recorded
 * histories replay with the same timers and reads and need no {@code Workflow.getVersion}.
 */
final class WarnExitPhase {
  private WarnExitPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    WarnExitSpec spec = c.plan.warnExit();
    long capEnd = s.warnExit.warnExitStartedAtMillis + spec.cap().toMillis();
    if (c.now() >= capEnd) {
      c.end(
          Phase.NEEDS_ATTENTION,
          RolloutWording.noGoodRunWithinCap(
              spec, "best run ended at " + s.warnExit.warnExitGoodDays));
      return;
    }
    long day = spec.period().toMillis();
    long due = s.gates.lastReadToMillis + day;
    if (c.now() < due) {
      c.sleep(Duration.ofMillis(due - c.now()), "warn exit: one day of readings");
      return;
    }
    long now = c.now();
    List<GateSummary> read = c.readGates(List.of(spec.unknownRate()), now - day, now);
    if (GateVerdicts.allGreen(read)) {
      s.warnExit.warnExitGoodDays++;
      c.record(
          RolloutWording.goodDay(s.warnExit, spec)
              + ": unknown rate "
              + RolloutWording.percent(read.get(0).mean()));
    } else {
      s.warnExit.warnExitGoodDays = 0;
      c.record("day not good (" + describe(read.get(0)) + "); the count starts again");
    }
    if (s.warnExit.warnExitGoodDays >= spec.requiredGoodDays()) {
      c.end(Phase.COMPLETED, RolloutWording.goodRun(spec));
    }
  }

  private static String describe(GateSummary g) {
    return switch (g.outcome()) {
      case ERROR -> "read failed: " + g.error();
      case NO_DATA -> "no data";
      case DATA ->
          "unknown rate "
              + RolloutWording.percent(g.mean())
              + ", coverage "
              + Math.round(g.coverage() * 100)
              + "%";
    };
  }
}
