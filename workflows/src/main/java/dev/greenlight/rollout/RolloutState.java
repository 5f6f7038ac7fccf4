package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a rollout knows about itself: the single carrier across continue-as-new, so a new run
 * resumes exactly where the last one stopped.
 *
 * <p>Workflow-thread only; mutated by the workflow and its update and signal handlers, serialized
 * by Temporal's data converter (public fields keep that plain).
 */
public final class RolloutState {
  public Phase phase = Phase.PREFLIGHT;
  public ValidationMode mode;
  public int percent;
  public long startedAtMillis;
  public long phaseStartedAtMillis;
  public String outcomeReason;
  public int runs = 1;
  public long maxEventsPerRun;

  /**
   * This rollout attempt's own id: the Temporal run id of its first run, carried across
   * continue-as-new. Migration checkpoints and backup evidence are keyed by it, so a second rollout
   * of the same plan (same workflow id) never picks up the first one's migration or backup. Null in
   * rollouts that started before {@code RolloutWorkflowImpl.SAFETY_SEMANTICS}; they use the
   * workflow id.
   */
  public String attemptId;

  /** The version of the mode record this rollout wrote last; 0 when unknown. */
  public long modeVersion;

  // Steering
  public boolean paused;
  public String pauseReason;
  public PauseCause pauseCause;
  public List<String> pendingApprovals = new ArrayList<>();
  public boolean abortRequested;
  public String abortReason;
  public PromoteInput promoteRequested;
  public boolean retryRequested;
  public AlertSignal pendingAlert;

  // Safety
  /** A downgrade to warn (rollback, abort, blind ENFORCE) that has not landed in Redis yet. */
  public String pendingDowngrade;

  public int downgradeAttempts;
  public String downgradeError;

  /**
   * Why ENFORCE is not being entered yet (no fresh green WARN verdict), null when it is not held.
   */
  public String enforceHeld;

  /** Why a green step is not promoted (a regression from the previous step), null when not held. */
  public String promotionHeld;

  // Gates
  public List<GateSummary> lastReadings = new ArrayList<>();
  public int consecutiveGateErrors;
  public long lastReadToMillis;
  public long greenSinceMillis;
  public long windowSamplesExpected;
  public long windowSamplesPresent;
  public boolean enforceBlocked;
  public Double baselineUnknownFraction;

  /** Each gate's trailing window, by gate name; see {@code GateWindows}. */
  public Map<String, GateWindow> gateWindows = new LinkedHashMap<>();

  // Canary
  public int canaryStep;
  public long stepStartedAtMillis;
  public boolean stepStarted;
  public Map<String, Double> stepMeanSum = new LinkedHashMap<>();
  public Map<String, Long> stepMeanCount = new LinkedHashMap<>();
  public Map<String, Double> previousStepMeans = new LinkedHashMap<>();
  public long warnExtendedUntilMillis;
  public int rollbacks;

  // Data
  public NormalizeStep normalizeStep = NormalizeStep.BACKUP;
  public String manifestPath;
  public DryRunResult dryRun;
  public MigrationResult migration;
  public Map<String, Long> offendingStages = new LinkedHashMap<>();

  // WARN exit
  public int warnExitGoodDays;
  public long warnExitStartedAtMillis;

  /** The aligned WARN-exit day read next, counted from 0 at the phase start. */
  public int warnExitDay;

  /** Failed reads of the current WARN-exit day so far. */
  public int warnExitFailedReads;

  // History
  public List<Transition> transitions = new ArrayList<>();
  public List<String> commands = new ArrayList<>();
  public List<String> alerts = new ArrayList<>();

  /** What the rollout told its notification sinks, and how that fared. */
  public NotificationLedger notifications = new NotificationLedger();

  /** Why the rollout is paused: a person, a metrics outage that lifts by itself, or a failure. */
  public enum PauseCause {
    MANUAL,
    METRICS,
    FAILURE
  }

  /** Where the normalize phase is; each step is done once, in order. */
  public enum NormalizeStep {
    BACKUP,
    /** Set only by rollouts since SAFETY_SEMANTICS: ask about earlier attempts' migrations. */
    EARLIER_MIGRATIONS,
    DRY_RUN,
    AWAIT_APPROVAL,
    APPLY,
    VERIFY,
    DONE
  }
}
