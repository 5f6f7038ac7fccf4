package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.PhaseContext;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.RolloutVisibility;
import dev.greenlight.rollout.RolloutWording;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.GateReadResult;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The machinery every phase of the legacy loop shares: the plan, the state, the activity stubs
 * ({@link PhaseContext}), and the moves a phase makes as that loop made them — waiting, reading
 * gates, flipping the mode, recording a transition. Workflow-thread only.
 */
final class RolloutContext extends PhaseContext {

  /** The rollout's workflow id, which also keys its data steps. */
  final String workflowId;

  RolloutContext(RolloutPlan plan, RolloutState state, String workflowId) {
    super(plan, state);
    this.workflowId = workflowId;
  }

  /** The legacy loop keyed its data steps by the workflow id. */
  @Override
  public String attemptId() {
    return workflowId;
  }

  /** Moves to {@code phase}, recording why. */
  @Override
  public void enter(Phase phase, String reason) {
    state.phase = phase;
    state.phaseStartedAtMillis = now();
    record(reason);
  }

  /** Notifications came after this loop: it records the transition and sends nothing. */
  @Override
  public void record(String reason, NotifyEvent event) {
    record(reason);
  }

  /** Records a transition in the current phase and mode, and refreshes what the UI shows. */
  @Override
  public void record(String reason) {
    state.history.transitions.add(
        new Transition(now(), state.phase, state.mode, state.percent, reason));
    RolloutVisibility.showTransition(plan, state);
  }

  /** Writes the mode through the mode store (versioned and audited), then records it. */
  @Override
  public void flip(ValidationMode mode, int percent, String reason) {
    activities.mode.flipMode(
        new ModeFlipRequest(
            plan.surface(), mode, percent, RolloutConstants.modeWriter(workflowId), reason));
    state.mode = mode;
    state.percent = percent;
    record("mode " + mode.wireName() + " " + percent + "%: " + reason);
  }

  /**
   * Waits {@code duration} on a durable timer, or less when a command or an alert needs the
   * workflow's attention.
   *
   * @return true when the wait was cut short
   */
  @Override
  public boolean sleep(Duration duration, String summary) {
    if (duration.isNegative() || duration.isZero()) {
      return needsAttention();
    }
    return timerUnless(duration, summary, this::needsAttention);
  }

  /** Whether something arrived that the current phase must act on before waiting further. */
  boolean needsAttention() {
    return state.steering.abortRequested
        || state.steering.paused
        || state.steering.pendingAlert != null
        || state.steering.promoteRequested != null
        || state.steering.retryRequested;
  }

  /** Blocks while paused; an abort ends the pause. */
  void awaitUnpaused() {
    if (state.steering.paused) {
      Workflow.await(() -> !state.steering.paused || state.steering.abortRequested);
    }
  }

  /** ENFORCE goes to warn with one flip; then the rollout ends ABORTED. */
  @Override
  public void abort() {
    if (state.mode == ValidationMode.ENFORCE) {
      flip(ValidationMode.WARN, 0, "abort: " + state.steering.abortReason);
    }
    end(Phase.ABORTED, "aborted: " + state.steering.abortReason);
  }

  /** Adds {@code step} to the pending approvals and waits until it is approved or aborted. */
  @Override
  public boolean awaitApproval(String step, String why) {
    if (!state.steering.pendingApprovals.contains(step)) {
      state.steering.pendingApprovals.add(step);
      record("waiting for approval of " + step + ": " + why);
    }
    Workflow.await(
        () -> !state.steering.pendingApprovals.contains(step) || state.steering.abortRequested);
    return !state.steering.abortRequested;
  }

  /**
   * Reads {@code gates} over {@code [from, to]} and counts errors in a row; past the plan's limit
   * the rollout pauses and says why — it never promotes on errors.
   */
  @Override
  public List<GateSummary> readGates(List<GateSpec> gates, long fromMillis, long toMillis) {
    GateReadResult result =
        activities.gates().readGates(new GateReadRequest(gates, fromMillis, toMillis));
    state.gates.lastReadings = result.summaries();
    state.gates.lastReadToMillis = toMillis;
    if (GateVerdicts.anyError(result.summaries())) {
      state.gates.consecutiveGateErrors++;
      if (state.gates.consecutiveGateErrors >= plan.maxConsecutiveGateErrors()) {
        state.steering.paused = true;
        state.steering.pauseReason =
            state.gates.consecutiveGateErrors
                + " gate reads in a row failed ("
                + result.summaries().stream()
                    .filter(s -> s.outcome() == GateSummary.Outcome.ERROR)
                    .map(s -> s.gate() + ": " + s.error())
                    .collect(Collectors.joining("; "))
                + "); resume when metrics are back";
        record("paused: " + state.steering.pauseReason);
      }
    } else {
      state.gates.consecutiveGateErrors = 0;
    }
    refreshDetails();
    return result.summaries();
  }

  /**
   * Downgrades to warn after a failed gate or an alert, and holds WARN for the plan's extension.
   */
  @Override
  public void rollback(String reason) {
    state.canary.rollbacks++;
    flip(ValidationMode.WARN, 0, "rollback: " + reason);
    state.warnExtendedUntilMillis = now() + plan.rollback().extendWarn().toMillis();
    state.canary.stepStarted = false;
    state.steering.promoteRequested = null;
    enter(
        Phase.ROLLED_BACK,
        "rolled back ("
            + reason
            + "); WARN extended until "
            + RolloutWording.time(state.warnExtendedUntilMillis));
  }
}
