package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.PauseCause;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The machinery every phase of today's loop shares: the plan, the state, the activity stubs ({@link
 * PhaseContext}), and the moves a phase makes — waiting, reading gates, flipping the mode, pausing,
 * rolling back, recording a transition. Workflow-thread only.
 */
final class RolloutContext extends PhaseContext {
  /** The most transitions the state keeps; the oldest go first. */
  static final int MAX_TRANSITIONS = 2_000;

  /** Who the mode record names as the writer: {@code greenlight:<workflow id>}. */
  final String writer;

  /** Tells the plan's sinks about the transitions worth a person's attention. */
  final Notifier notifier;

  RolloutContext(RolloutPlan plan, RolloutState state, String workflowId) {
    super(plan, state);
    this.writer = RolloutConstants.modeWriter(workflowId);
    this.notifier = new Notifier(plan, state, activities, workflowId);
  }

  /** The id data steps are keyed by: this attempt's own, never another rollout's of the plan. */
  @Override
  public String attemptId() {
    return state.attemptId;
  }

  /** Moves to {@code phase}, recording why, and tells the sinks what entering it means. */
  @Override
  public void enter(Phase phase, String reason) {
    state.phase = phase;
    state.phaseStartedAtMillis = now();
    record(reason, Notifier.onEnter(phase));
  }

  /**
   * Records a transition, as {@link #record(String)}, and sends it to the sinks as {@code event}.
   */
  @Override
  public void record(String reason, NotifyEvent event) {
    record(reason);
    notifier.send(event, reason);
  }

  /** Records a transition in the current phase and mode, and refreshes what the UI shows. */
  @Override
  public void record(String reason) {
    state.history.transitions.add(
        new Transition(now(), state.phase, state.mode, state.percent, reason));
    if (state.history.transitions.size() > MAX_TRANSITIONS) {
      // The state crosses continue-as-new whole: keep it bounded (safety invariant 7).
      state.history.transitions.remove(0);
    }
    RolloutVisibility.showTransition(plan, state);
  }

  /**
   * Writes {@code warn} or {@code off} through the mode store (versioned and audited) over whatever
   * is there, then records it.
   *
   * @throws ActivityFailure when the write failed for good; the caller decides what that means
   */
  @Override
  public void flip(ValidationMode mode, int percent, String reason) {
    if (mode == ValidationMode.ENFORCE) {
      throw new IllegalArgumentException("ENFORCE is entered through enterEnforce only");
    }
    ModeFlipResult result =
        activities.mode.flipMode(
            new ModeFlipRequest(plan.surface(), mode, percent, writer, reason));
    applied(result, "mode " + mode.wireName() + " " + percent + "%: " + reason);
  }

  /**
   * Writes ENFORCE at {@code percent} only over the record this rollout wrote last (safety
   * invariant 3). A record someone else wrote in between is never overwritten: a {@code warn} or
   * {@code off} there is a downgrade, and the rollout rolls back with the writer's reason; another
   * ENFORCE pauses the rollout for a person to look.
   *
   * @return whether ENFORCE is now on at {@code percent}
   * @throws ActivityFailure when the write failed for good
   */
  boolean enterEnforce(int percent, String reason) {
    ModeFlipResult result =
        activities.mode.flipMode(
            new ModeFlipRequest(
                plan.surface(),
                ValidationMode.ENFORCE,
                percent,
                writer,
                reason,
                state.modeVersion));
    if (!result.refused()) {
      applied(result, "mode enforce " + percent + "%: " + reason);
      return true;
    }
    foreignRecord(result, percent);
    return false;
  }

  /**
   * Whether the record still holds the ENFORCE this rollout wrote last — asked where no flip would
   * ask it (the soak's end, each WARN-exit day), so a downgrade someone else wrote whose signal was
   * lost is seen there too. A foreign record is handled as {@link #enterEnforce} does.
   *
   * @throws ActivityFailure when the record cannot be asked for good
   */
  boolean stillEnforcing() {
    ModeFlipResult result =
        activities.mode.flipMode(
            new ModeFlipRequest(
                plan.surface(),
                ValidationMode.ENFORCE,
                state.percent,
                writer,
                "confirm enforce " + state.percent + "%",
                state.modeVersion));
    if (!result.refused()) {
      state.modeVersion = result.version();
      return true;
    }
    foreignRecord(result, state.percent);
    return false;
  }

  /** Someone else's record where the rollout expected its own ENFORCE, or none at all. */
  private void foreignRecord(ModeFlipResult result, int percent) {
    if (result.mode() == null) {
      // No record, or one nobody can read: make it warn, then treat it as any foreign downgrade.
      downgrade("before enforce " + percent + "%: " + result.reason());
      rollback(result.reason());
      return;
    }
    String foreign =
        result.mode().wireName()
            + " "
            + result.percent()
            + "% written by "
            + result.changedBy()
            + " (version "
            + result.version()
            + "): "
            + result.reason();
    state.mode = result.mode();
    state.percent = result.percent();
    state.modeVersion = result.version();
    if (result.mode() == ValidationMode.ENFORCE) {
      pause(PauseCause.FAILURE, "the mode record changed behind the rollout: " + foreign);
    } else {
      rollback("mode set to " + foreign);
    }
  }

  private void applied(ModeFlipResult result, String transition) {
    state.mode = result.mode();
    state.percent = result.percent();
    state.modeVersion = result.version();
    record(transition);
  }

  /**
   * Downgrades to warn at 0 % and keeps trying until it lands (safety invariant 9): on a failed
   * write the downgrade stays pending, shows in status, and the loop retries it with backoff before
   * anything else.
   *
   * @return whether the downgrade landed now
   */
  boolean downgrade(String reason) {
    state.downgrade.owe(reason);
    return landDowngrade();
  }

  /** One attempt at the pending downgrade. */
  boolean landDowngrade() {
    try {
      flip(ValidationMode.WARN, 0, state.downgrade.pendingDowngrade);
      state.downgrade.landed();
      refreshDetails();
      return true;
    } catch (ActivityFailure e) {
      state.downgrade.downgradeAttempts++;
      state.downgrade.downgradeError = Failures.describe(e);
      if (state.downgrade.downgradeAttempts == 1 || state.downgrade.downgradeAttempts % 10 == 0) {
        record(
            "downgrade to warn failed (attempt "
                + state.downgrade.downgradeAttempts
                + ": "
                + state.downgrade.downgradeError
                + "); retrying until it lands",
            NotifyEvent.RETRYING);
      }
      refreshDetails();
      return false;
    }
  }

  /** How long to wait before the next attempt at a pending downgrade: 30 s doubling to 5 min. */
  Duration downgradeBackoff() {
    int doublings = Math.min(Math.max(0, state.downgrade.downgradeAttempts - 1), 4);
    return Duration.ofSeconds(Math.min(300, 30L << doublings));
  }

  /**
   * Waits {@code duration} on a durable timer, or less when something needs the workflow's
   * attention: an abort, an alert, a command, a pending downgrade, or the rollout being paused or
   * resumed.
   *
   * @return true when the wait was cut short
   */
  @Override
  public boolean sleep(Duration duration, String summary) {
    if (duration.isNegative() || duration.isZero()) {
      return false;
    }
    boolean pausedBefore = state.steering.paused;
    return timerUnless(
        duration, summary, () -> needsAttention() || state.steering.paused != pausedBefore);
  }

  /** Whether something arrived that the current phase must act on before waiting further. */
  boolean needsAttention() {
    return state.steering.abortRequested
        || state.steering.pendingAlert != null
        || state.downgrade.pendingDowngrade != null
        || state.steering.promoteRequested != null
        || state.steering.retryRequested;
  }

  /**
   * Adds {@code step} to the pending approvals and waits until it is approved, or until an abort or
   * an alert needs the loop.
   *
   * @return whether {@code step} is approved
   */
  @Override
  public boolean awaitApproval(String step, String why) {
    if (!state.steering.pendingApprovals.contains(step)) {
      state.steering.pendingApprovals.add(step);
      record("waiting for approval of " + step + ": " + why, NotifyEvent.APPROVAL_PENDING);
    }
    Workflow.await(
        () ->
            !state.steering.pendingApprovals.contains(step)
                || state.steering.abortRequested
                || state.steering.pendingAlert != null);
    return !state.steering.pendingApprovals.contains(step);
  }

  /** ENFORCE goes to warn first, retried until it lands; then the rollout ends ABORTED. */
  @Override
  public void abort() {
    if (state.mode == ValidationMode.ENFORCE
        && !downgrade("abort: " + state.steering.abortReason)) {
      return;
    }
    end(Phase.ABORTED, "aborted: " + state.steering.abortReason);
  }

  /** Pauses the rollout with {@code cause}, saying why. */
  void pause(PauseCause cause, String reason) {
    state.steering.pause(cause, reason);
    record("paused: " + reason, NotifyEvent.PAUSED);
  }

  /**
   * Reads {@code gates} over {@code [from, to]}. A read that fails, even for good, is an error
   * summary per gate, never an exception. Errors in a row past the plan's limit pause the rollout;
   * a read without errors lifts such a pause by itself (unless the plan says {@code
   * resumeAfterMetricsOutage: false}), and every window then re-earns from scratch.
   */
  @Override
  public List<GateSummary> readGates(List<GateSpec> gates, long fromMillis, long toMillis) {
    return readGates(gates, fromMillis, toMillis, true);
  }

  /**
   * @param mayLift whether a read without errors lifts a pause for failed reads by itself; a caller
   *     that reads several sets of gates lifts it once all of them read ({@link #liftMetricsPause})
   */
  List<GateSummary> readGates(
      List<GateSpec> gates, long fromMillis, long toMillis, boolean mayLift) {
    List<GateSummary> summaries;
    try {
      summaries =
          activities
              .gates()
              .readGates(new GateReadRequest(gates, fromMillis, toMillis))
              .summaries();
    } catch (ActivityFailure e) {
      String error = "gate read failed: " + Failures.describe(e);
      summaries = new ArrayList<>();
      for (GateSpec gate : gates) {
        summaries.add(GateSummary.error(gate.name(), error));
      }
    }
    state.gates.lastReadings = summaries;
    state.gates.lastReadToMillis = toMillis;
    if (GateVerdicts.anyError(summaries)) {
      state.gates.consecutiveGateErrors++;
      if (state.gates.consecutiveGateErrors >= plan.maxConsecutiveGateErrors()
          && !state.steering.paused) {
        pause(
            PauseCause.METRICS,
            state.gates.consecutiveGateErrors
                + " gate reads in a row failed ("
                + summaries.stream()
                    .filter(s -> s.outcome() == GateSummary.Outcome.ERROR)
                    .map(s -> s.gate() + ": " + s.error())
                    .collect(Collectors.joining("; "))
                + ")"
                + (plan.resumesAfterMetricsOutage()
                    ? "; resumes by itself when reads succeed again"
                    : "; resume when metrics are back"));
      }
    } else {
      state.gates.consecutiveGateErrors = 0;
      if (mayLift) {
        liftMetricsPause();
      }
    }
    refreshDetails();
    return summaries;
  }

  /** Lifts a pause that failed reads caused, unless the plan leaves that to a person. */
  void liftMetricsPause() {
    if (state.steering.paused
        && state.steering.pauseCause == PauseCause.METRICS
        && plan.resumesAfterMetricsOutage()) {
      state.steering.unpause();
      state.gates.gateWindows.clear();
      record(
          "resumed: gate reads succeed again; every window re-earns from now", NotifyEvent.RESUMED);
    }
  }

  /**
   * Rolls back to warn after a breach, an alert or a foreign downgrade, and holds WARN for the
   * plan's extension. The flip is retried until it lands.
   */
  @Override
  public void rollback(String reason) {
    state.canary.rolledBack();
    state.steering.promoteRequested = null;
    if (state.mode == ValidationMode.ENFORCE) {
      downgrade("rollback: " + reason);
    }
    state.warnExtendedUntilMillis = now() + plan.rollback().extendWarn().toMillis();
    enter(
        Phase.ROLLED_BACK,
        "rolled back ("
            + reason
            + "); WARN extended until "
            + RolloutWording.time(state.warnExtendedUntilMillis)
            + (state.downgrade.pendingDowngrade == null
                ? ""
                : "; the downgrade to warn is being retried"));
  }
}
