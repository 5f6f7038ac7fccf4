package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.WarnExitSpec;
import java.time.Duration;
import java.util.List;

/**
 * After the soak: one reading of the unknown rate per day over that whole day. The rollout
 * completes after the plan's run of consecutive good days, and needs attention — with the mode left
 * as it is — when the cap passes first.
 */
final class WarnExitPhase {
  private static final long DAY = Duration.ofDays(1).toMillis();

  private WarnExitPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    WarnExitSpec spec = c.plan.warnExit();
    long capEnd = s.warnExitStartedAtMillis + spec.cap().toMillis();
    if (c.now() >= capEnd) {
      s.outcomeReason =
          "no "
              + spec.requiredGoodDays()
              + " consecutive good days within "
              + spec.cap().toDays()
              + " days (best run ended at "
              + s.warnExitGoodDays
              + ")";
      c.enter(Phase.NEEDS_ATTENTION, s.outcomeReason);
      return;
    }
    long due = s.lastReadToMillis + DAY;
    if (c.now() < due) {
      c.sleep(Duration.ofMillis(due - c.now()), "warn exit: one day of readings");
      return;
    }
    long now = c.now();
    List<GateSummary> read = c.readGates(List.of(spec.unknownRate()), now - DAY, now);
    if (GateVerdicts.allGreen(read)) {
      s.warnExitGoodDays++;
      c.record(
          "good day "
              + s.warnExitGoodDays
              + " of "
              + spec.requiredGoodDays()
              + ": unknown rate "
              + read.get(0).mean());
    } else {
      s.warnExitGoodDays = 0;
      c.record("day not good (" + describe(read.get(0)) + "); the count starts again");
    }
    if (s.warnExitGoodDays >= spec.requiredGoodDays()) {
      s.outcomeReason = spec.requiredGoodDays() + " consecutive days under the unknown threshold";
      c.enter(Phase.COMPLETED, s.outcomeReason);
    }
  }

  private static String describe(GateSummary g) {
    return switch (g.outcome()) {
      case ERROR -> "read failed: " + g.error();
      case NO_DATA -> "no data";
      case DATA -> "mean " + g.mean() + ", coverage " + Math.round(g.coverage() * 100) + "%";
    };
  }
}
