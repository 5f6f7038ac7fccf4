package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.WarnSpec;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Mode {@code warn} until the unknown rate has been green over a whole trailing window, the minimum
 * duration (and any extension) has passed and no external consumer awaits approval. ENFORCE is
 * blocked while the block gate's breach rule holds (unknowns at or over 1 % for 10 minutes in
 * v3.4). The canary reads its own fresh WARN verdict again before it flips ENFORCE.
 */
final class WarnPhase {
  /**
   * The change id of sleeping through a WARN extension's readings that cannot decide anything.
   * Rollouts that were polling through an extension before it keep polling when they replay.
   */
  static final String SLEEP_THROUGH_EXTENSION = "warn-sleeps-through-extension";

  private WarnPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    WarnSpec spec = c.plan.warn();
    // Readings before the last window of the minimum duration cannot decide anything: sleep
    // through them, which keeps a multi-day WARN phase to a few dozen history events.
    long firstUseful =
        s.phaseStartedAtMillis + spec.minDuration().toMillis() - spec.window().toMillis();
    if (c.now() < firstUseful) {
      c.sleep(Duration.ofMillis(firstUseful - c.now()), "warn: minimum duration");
      return;
    }
    // The same holds for an extension (extend-warn only ever lengthens it): a 30-day extension
    // polled every 5 minutes was 8,640 reads that could not decide anything.
    long extensionUseful = s.warnExtendedUntilMillis - spec.window().toMillis();
    if (c.now() < extensionUseful && sleepsThroughExtensions()) {
      c.sleep(Duration.ofMillis(extensionUseful - c.now()), "warn: extended");
      return;
    }
    if (c.waitForNextPoll("warn: watching the unknown rate")) {
      return;
    }
    long now = c.now();
    long window = spec.window().toMillis();
    List<GateSummary> read =
        c.readGates(List.of(spec.unknownRate(), spec.enforceBlock()), now - window, now);
    boolean green = GateWindows.observe(s, List.of(spec.unknownRate()), read, now, window);
    String block = GateVerdicts.breach(List.of(spec.enforceBlock()), read);
    boolean blocked = block != null;
    if (blocked != s.gates.enforceBlocked) {
      s.gates.enforceBlocked = blocked;
      c.record(blocked ? "ENFORCE blocked: " + block : "ENFORCE no longer blocked");
    }
    boolean minDone =
        now - s.phaseStartedAtMillis >= spec.minDuration().toMillis()
            && now >= s.warnExtendedUntilMillis;
    boolean externalPending =
        s.steering.pendingApprovals.contains(RolloutConstants.APPROVE_EXTERNAL_CONSUMERS);
    if (minDone && green && !blocked && !externalPending && !s.steering.paused) {
      s.data.normalizeStep = NormalizeStep.EARLIER_MIGRATIONS;
      c.enter(
          Phase.NORMALIZE,
          "unknown rate green for " + GateWindows.minutes(GateWindows.greenFor(s, now)));
    }
  }

  private static boolean sleepsThroughExtensions() {
    return Workflow.getVersion(SLEEP_THROUGH_EXTENSION, Workflow.DEFAULT_VERSION, 1) == 1;
  }
}
