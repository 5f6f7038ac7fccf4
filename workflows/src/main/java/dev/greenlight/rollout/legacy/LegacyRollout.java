package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.ActivityStubs;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.PreflightPhase;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.workflow.Workflow;

/**
 * The rollout as it ran before {@code RolloutWorkflowImpl.SAFETY_SEMANTICS}: frozen, so that
 * rollouts which started on that code replay their histories command for command. What this package
 * does is never changed; a behaviour change goes into {@code dev.greenlight.rollout} behind a new
 * version. Where a step is the same logic as today's (the pre-flight, day 5's steps, acting on an
 * alert, continuing as new: {@code PhaseContext}, {@code NormalizeSteps}), both loops call its one
 * home, and {@code RolloutReplayTest} proves the recorded histories still replay.
 *
 * <p>A run of an old rollout that continues as new leaves this code: the next run records the new
 * version and carries the state into today's semantics.
 */
public final class LegacyRollout {
  private final RolloutPlan plan;
  private final RolloutState state;
  private final RolloutContext context;

  public LegacyRollout(RolloutPlan plan, RolloutState state, ActivityStubs activities) {
    this.plan = plan;
    this.state = state;
    this.context = new RolloutContext(plan, state, activities, Workflow.getInfo().getWorkflowId());
  }

  /** Runs the old loop to a terminal phase (or continues as new); the caller returns the result. */
  public void run(RolloutInput input, boolean firstRun) {
    if (firstRun) {
      state.startedAtMillis = Workflow.currentTimeMillis();
      context.enter(
          Phase.PREFLIGHT, "started by " + input.startedBy() + " with plan " + plan.name());
    } else {
      context.refreshDetails();
    }
    while (!state.phase.isTerminal()) {
      context.awaitUnpaused();
      if (state.steering.abortRequested) {
        abortNow();
        break;
      }
      if (state.steering.pendingAlert != null) {
        context.actOnAlert();
        continue;
      }
      if (context.historyIsLong()) {
        continueAsNew(input);
      }
      step();
    }
  }

  private void step() {
    switch (state.phase) {
      case PREFLIGHT -> PreflightPhase.run(context);
      case OFF -> OffPhase.tick(context);
      case WARN -> WarnPhase.tick(context);
      case NORMALIZE -> NormalizePhase.tick(context);
      case CANARY, SOAK -> CanaryPhase.tick(context);
      case ROLLED_BACK -> RolledBackPhase.tick(context);
      case WARN_EXIT -> WarnExitPhase.tick(context);
      default -> throw new IllegalStateException("no step for phase " + state.phase);
    }
    trackHistoryLength();
  }

  private void abortNow() {
    if (state.mode == ValidationMode.ENFORCE) {
      context.flip(ValidationMode.WARN, 0, "abort: " + state.steering.abortReason);
    }
    state.outcomeReason = "aborted: " + state.steering.abortReason;
    context.enter(Phase.ABORTED, state.outcomeReason);
  }

  private void continueAsNew(RolloutInput input) {
    Workflow.await(Workflow::isEveryHandlerFinished);
    context.continueAsNew(input.startedBy());
  }

  private void trackHistoryLength() {
    state.maxEventsPerRun = Math.max(state.maxEventsPerRun, Workflow.getInfo().getHistoryLength());
  }
}
