package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.WarnSpec;
import java.time.Duration;
import java.util.List;

/**
 * Mode {@code warn} until the unknown rate has been green for a whole window, the minimum duration
 * has passed and no external consumer awaits approval. ENFORCE is blocked while the block gate's
 * breach rule holds (unknowns at or over 1 % for 10 minutes in v3.4).
 */
final class WarnPhase {
  private WarnPhase() {}

  static void tick(RolloutContext c) {
    WarnSpec spec = c.plan.warn();
    // Readings before the last window of the minimum duration cannot decide anything: sleep
    // through them, which keeps a multi-day WARN phase to a few dozen history events.
    long firstUseful =
        c.state.phaseStartedAtMillis + spec.minDuration().toMillis() - spec.window().toMillis();
    if (c.now() < firstUseful) {
      c.sleep(Duration.ofMillis(firstUseful - c.now()), "warn: minimum duration");
      GreenWindow.open(c.state, c.now());
      return;
    }
    if (c.waitForNextPoll("warn: watching the unknown rate")) {
      return;
    }
    long now = c.now();
    List<GateSummary> read =
        c.readGates(
            List.of(spec.unknownRate(), spec.enforceBlock()), c.state.gates.lastReadToMillis, now);
    GreenWindow.observe(c.state, read.subList(0, 1), now);
    boolean blocked = GateVerdicts.breach(List.of(spec.enforceBlock()), read) != null;
    if (blocked != c.state.gates.enforceBlocked) {
      c.state.gates.enforceBlocked = blocked;
      c.record(
          blocked
              ? "ENFORCE blocked: " + GateVerdicts.breach(List.of(spec.enforceBlock()), read)
              : "ENFORCE no longer blocked");
    }
    boolean minDone =
        now - c.state.phaseStartedAtMillis >= spec.minDuration().toMillis()
            && now >= c.state.warnExtendedUntilMillis;
    boolean externalPending =
        c.state.steering.pendingApprovals.contains(RolloutConstants.APPROVE_EXTERNAL_CONSUMERS);
    if (minDone
        && !blocked
        && !externalPending
        && GreenWindow.isGreen(c.state, now, spec.window().toMillis())) {
      c.enter(
          Phase.NORMALIZE,
          "unknown rate green for "
              + Duration.ofMillis(GreenWindow.greenFor(c.state, now)).toMinutes()
              + "m");
    }
  }
}
