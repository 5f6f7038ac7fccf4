package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.RolloutPlan;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code status} query's answer from the state: copies, never live collections. A query
 * writes no history, so what it shows can grow without {@code Workflow.getVersion}.
 */
final class StatusView {
  private StatusView() {}

  static RolloutStatus of(RolloutPlan plan, RolloutState s, long now, long historyLength) {
    long window = windowTarget(plan, s);
    return new RolloutStatus(
        plan == null ? null : plan.name(),
        s.phase,
        s.mode,
        s.percent,
        s.canary.canaryStep,
        now,
        s.startedAtMillis,
        s.phaseStartedAtMillis,
        s.steering.paused,
        s.steering.pauseReason,
        List.copyOf(s.steering.pendingApprovals),
        List.copyOf(s.gates.lastReadings),
        s.gates.consecutiveGateErrors,
        window == 0 ? 0 : greenFor(s, now),
        window,
        remaining(plan, s, now),
        s.gates.enforceBlocked,
        s.gates.baselineUnknownFraction,
        s.warnExtendedUntilMillis,
        s.warnExit.warnExitGoodDays,
        s.canary.rollbacks,
        s.data.dryRun,
        s.data.migration,
        Map.copyOf(s.data.offendingStages),
        List.copyOf(s.history.transitions),
        List.copyOf(s.history.commands),
        List.copyOf(s.history.alerts),
        s.outcomeReason,
        s.runs,
        historyLength,
        List.copyOf(s.gates.gateWindows.values()),
        s.steering.pauseCause == null ? null : s.steering.pauseCause.name(),
        s.canary.enforceHeld,
        s.canary.promotionHeld,
        s.downgrade.pendingDowngrade,
        s.downgrade.downgradeAttempts,
        s.downgrade.downgradeError,
        s.attemptId,
        s.data.manifestPath,
        s.history.notifications.counts());
  }

  /** How long every gate has been counting toward its window; the pooled one for old rollouts. */
  static long greenFor(RolloutState s, long now) {
    return s.gates.gateWindows.isEmpty()
        ? Math.max(0, now - s.gates.greenSinceMillis)
        : GateWindows.greenFor(s, now);
  }

  static long windowTarget(RolloutPlan plan, RolloutState s) {
    if (plan == null) {
      return 0;
    }
    return switch (s.phase) {
      case WARN -> plan.warn().window().toMillis();
      case CANARY -> plan.canary().window().toMillis();
      case SOAK -> plan.soak().duration().toMillis();
      default -> 0;
    };
  }

  static long remaining(RolloutPlan plan, RolloutState s, long now) {
    if (plan == null) {
      return 0;
    }
    long end =
        switch (s.phase) {
          case OFF -> s.phaseStartedAtMillis + plan.off().minDuration().toMillis();
          case WARN ->
              Math.max(
                  s.phaseStartedAtMillis + plan.warn().minDuration().toMillis(),
                  s.warnExtendedUntilMillis);
          case CANARY ->
              s.canary.stepStarted
                  ? s.canary.stepStartedAtMillis
                      + plan.canary().steps().get(s.canary.canaryStep).minDuration().toMillis()
                  : 0;
          case SOAK -> now - greenFor(s, now) + plan.soak().duration().toMillis();
          case ROLLED_BACK -> s.warnExtendedUntilMillis;
          case WARN_EXIT -> s.warnExit.warnExitStartedAtMillis + plan.warnExit().cap().toMillis();
          default -> 0;
        };
    return Math.max(0, end - now);
  }
}
