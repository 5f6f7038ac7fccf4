package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Duration;

/**
 * The rules a release manager's command must keep. Each throws {@link IllegalArgumentException}
 * naming the value and the rule; Temporal then refuses the update without writing history.
 */
final class CommandRules {
  static final int MAX_EXTEND_DAYS = 30;

  private CommandRules() {}

  static void approve(RolloutState s, ApproveInput c) {
    who(c.who(), c.why());
    live(s, "approve");
    if (c.step() == null || !s.steering.pendingApprovals.contains(c.step())) {
      throw new IllegalArgumentException(
          "nothing named '"
              + c.step()
              + "' awaits approval; pending: "
              + s.steering.pendingApprovals);
    }
  }

  static void pause(RolloutState s, OperatorCommand c) {
    who(c.who(), c.why());
    live(s, "pause");
    if (s.steering.paused) {
      throw new IllegalArgumentException(
          "the rollout is already paused (" + s.steering.pauseReason + ")");
    }
  }

  static void resume(RolloutState s, OperatorCommand c) {
    who(c.who(), c.why());
    live(s, "resume");
    if (!s.steering.paused) {
      throw new IllegalArgumentException("the rollout is not paused; it is in " + s.phase);
    }
  }

  static void abort(RolloutState s, OperatorCommand c) {
    who(c.who(), c.why());
    live(s, "abort");
    if (s.steering.abortRequested) {
      throw new IllegalArgumentException("an abort is already under way");
    }
  }

  static void promote(RolloutPlan plan, RolloutState s, long now, PromoteInput c) {
    who(c.who(), c.why());
    if (s.phase != Phase.CANARY || !s.canary.stepStarted) {
      throw new IllegalArgumentException(
          "promote applies to a running canary step; the rollout is in " + s.phase);
    }
    if (s.steering.promoteRequested != null) {
      throw new IllegalArgumentException("a promotion is already pending");
    }
    if (s.steering.paused) {
      throw new IllegalArgumentException(
          "the rollout is paused (" + s.steering.pauseReason + "); resume before promoting");
    }
    long window = plan.canary().window().toMillis();
    // Rollouts from before per-gate windows kept one pooled window.
    long green =
        s.gates.gateWindows.isEmpty()
            ? Math.max(0, now - s.gates.greenSinceMillis)
            : GateWindows.greenFor(s, now);
    if (!c.force() && green < window) {
      throw new IllegalArgumentException(
          "gates have been green for "
              + Duration.ofMillis(green).toMinutes()
              + "m of the "
              + Duration.ofMillis(window).toMinutes()
              + "m window; wait, or force with a reason");
    }
  }

  static void extendWarn(RolloutState s, ExtendWarnInput c) {
    who(c.who(), c.why());
    if (s.phase != Phase.WARN && s.phase != Phase.ROLLED_BACK) {
      throw new IllegalArgumentException(
          "WARN can be extended in WARN or after a rollback; the rollout is in " + s.phase);
    }
    if (c.days() < 1 || c.days() > MAX_EXTEND_DAYS) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + MAX_EXTEND_DAYS + " but was " + c.days());
    }
  }

  static void retryCanary(RolloutState s, long now, OperatorCommand c) {
    who(c.who(), c.why());
    if (s.phase != Phase.ROLLED_BACK) {
      throw new IllegalArgumentException(
          "retry-canary applies after a rollback; the rollout is in " + s.phase);
    }
    if (s.steering.retryRequested) {
      throw new IllegalArgumentException("a canary retry is already pending");
    }
    if (now < s.warnExtendedUntilMillis) {
      throw new IllegalArgumentException(
          "WARN is extended until "
              + RolloutWording.time(s.warnExtendedUntilMillis)
              + " ("
              + Duration.ofMillis(s.warnExtendedUntilMillis - now).toHours()
              + "h from now); retry after that");
    }
  }

  private static void live(RolloutState s, String command) {
    if (s.phase.isTerminal()) {
      throw new IllegalArgumentException(
          command + " is not possible: the rollout ended as " + s.phase);
    }
  }

  private static void who(String who, String why) {
    if (who == null || who.isBlank()) {
      throw new IllegalArgumentException("who must name the person sending the command");
    }
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("why must say the reason for the command");
    }
  }
}
