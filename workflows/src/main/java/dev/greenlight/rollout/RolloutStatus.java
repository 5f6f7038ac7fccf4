package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import java.util.Map;

/**
 * The answer to the {@code status} query: the whole state of a rollout at one instant, as plain
 * values for the CLI, the UI and reports.
 *
 * @param nowMillis workflow time when the status was taken
 * @param greenWindowMillis how long the current window has been green, 0 outside windowed phases
 * @param windowTargetMillis how long it must be green to move on, 0 outside windowed phases
 * @param phaseRemainingMillis the least time left in the current phase or step, 0 when unknown
 */
public record RolloutStatus(
    String plan,
    Phase phase,
    ValidationMode mode,
    int percent,
    int canaryStep,
    long nowMillis,
    long startedAtMillis,
    long phaseStartedAtMillis,
    boolean paused,
    String pauseReason,
    List<String> pendingApprovals,
    List<GateSummary> lastReadings,
    int consecutiveGateErrors,
    long greenWindowMillis,
    long windowTargetMillis,
    long phaseRemainingMillis,
    boolean enforceBlocked,
    Double baselineUnknownFraction,
    long warnExtendedUntilMillis,
    int warnExitGoodDays,
    int rollbacks,
    DryRunResult dryRun,
    MigrationResult migration,
    Map<String, Long> offendingStages,
    List<Transition> transitions,
    List<String> commands,
    List<String> alerts,
    String outcomeReason,
    int runs,
    long historyLength) {}
