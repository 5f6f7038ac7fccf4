package dev.greenlight.rollout;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.greenlight.validator.ValidationMode;

/**
 * Everything a rollout knows about itself: the single carrier across continue-as-new, so a new run
 * resumes exactly where the last one stopped. Where it is (phase, mode, percent, times) sits here;
 * the rest in named parts, each with the fields one concern reads and writes: {@link #steering},
 * {@link #downgrade}, {@link #gates}, {@link #canary}, {@link #data}, {@link #warnExit} and {@link
 * #history}.
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

  /**
   * The last WARN extension's end: WARN lasts at least until then ({@code extendWarn}); 0 when
   * never extended.
   */
  public long warnExtendedUntilMillis;

  // The parts below are @JsonUnwrapped: serialized flat, field by field, exactly as when they were
  // fields of this class, so a state carried across continue-as-new by an older worker still reads.

  @JsonUnwrapped public final RolloutSteering steering = new RolloutSteering();

  @JsonUnwrapped public final RolloutDowngrade downgrade = new RolloutDowngrade();

  @JsonUnwrapped public final GateProgress gates = new GateProgress();

  @JsonUnwrapped public final CanaryProgress canary = new CanaryProgress();

  @JsonUnwrapped public final NormalizeProgress data = new NormalizeProgress();

  @JsonUnwrapped public final WarnExitProgress warnExit = new WarnExitProgress();

  @JsonUnwrapped public final RolloutHistory history = new RolloutHistory();

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
