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
        s.canaryStep,
        now,
        s.startedAtMillis,
        s.phaseStartedAtMillis,
        s.paused,
        s.pauseReason,
        List.copyOf(s.pendingApprovals),
        List.copyOf(s.lastReadings),
        s.consecutiveGateErrors,
        window == 0 ? 0 : greenFor(s, now),
        window,
        remaining(plan, s, now),
        s.enforceBlocked,
        s.baselineUnknownFraction,
        s.warnExtendedUntilMillis,
        s.warnExitGoodDays,
        s.rollbacks,
        s.dryRun,
        s.migration,
        Map.copyOf(s.offendingStages),
        List.copyOf(s.transitions),
        List.copyOf(s.commands),
        List.copyOf(s.alerts),
        s.outcomeReason,
        s.runs,
        historyLength,
        List.copyOf(s.gateWindows.values()),
        s.pauseCause == null ? null : s.pauseCause.name(),
        s.enforceHeld,
        s.promotionHeld,
        s.pendingDowngrade,
        s.downgradeAttempts,
        s.downgradeError,
        s.attemptId,
        s.manifestPath,
        s.notifications.counts());
  }

  /** How long every gate has been counting toward its window; the pooled one for old rollouts. */
  static long greenFor(RolloutState s, long now) {
    return s.gateWindows.isEmpty()
        ? Math.max(0, now - s.greenSinceMillis)
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
              s.stepStarted
                  ? s.stepStartedAtMillis
                      + plan.canary().steps().get(s.canaryStep).minDuration().toMillis()
                  : 0;
          case SOAK -> now - greenFor(s, now) + plan.soak().duration().toMillis();
          case ROLLED_BACK -> s.warnExtendedUntilMillis;
          case WARN_EXIT -> s.warnExitStartedAtMillis + plan.warnExit().cap().toMillis();
          default -> 0;
        };
    return Math.max(0, end - now);
  }
}
