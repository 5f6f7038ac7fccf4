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

  // Steering
  public boolean paused;
  public String pauseReason;
  public List<String> pendingApprovals = new ArrayList<>();
  public boolean abortRequested;
  public String abortReason;
  public PromoteCommand promoteRequested;
  public boolean retryRequested;
  public AlertSignal pendingAlert;

  // Gates
  public List<GateSummary> lastReadings = new ArrayList<>();
  public int consecutiveGateErrors;
  public long lastReadToMillis;
  public long greenSinceMillis;
  public long windowSamplesExpected;
  public long windowSamplesPresent;
  public boolean enforceBlocked;
  public Double baselineUnknownFraction;

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

  // History
  public List<Transition> transitions = new ArrayList<>();
  public List<String> commands = new ArrayList<>();
  public List<String> alerts = new ArrayList<>();

  /** Where the normalize phase is; each step is done once, in order. */
  public enum NormalizeStep {
    BACKUP,
    DRY_RUN,
    AWAIT_APPROVAL,
    APPLY,
    VERIFY,
    DONE
  }
}
