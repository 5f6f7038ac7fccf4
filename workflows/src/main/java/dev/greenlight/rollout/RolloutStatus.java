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
 * @param gateWindows each gate's trailing window: verdict (green, earning, red, no data, stale, low
 *     coverage, error), why, and how long it has counted
 * @param pauseCause MANUAL, METRICS (lifts by itself when reads succeed) or FAILURE; null when
 *     running
 * @param enforceHeld why ENFORCE is not entered yet (no fresh green WARN verdict), or null
 * @param promotionHeld why a green step is not promoted (a regression), or null
 * @param pendingDowngrade a downgrade to warn still being retried, or null
 * @param attemptId this rollout attempt's own id, which keys its backups and migration
 * @param backupManifest the manifest of the backup day 5 took, verified and restore-tested before
 *     the dry run; null before it
 * @param notifications how the plan's notifications fared: sent, delivered, failed for good
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
    long historyLength,
    List<GateWindow> gateWindows,
    String pauseCause,
    String enforceHeld,
    String promotionHeld,
    String pendingDowngrade,
    int downgradeAttempts,
    String downgradeError,
    String attemptId,
    String backupManifest,
    NotificationCounts notifications) {}
