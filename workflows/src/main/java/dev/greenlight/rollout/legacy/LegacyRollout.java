package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.plan.RolloutPlan;
import io.temporal.workflow.Workflow;

/**
 * The rollout as it ran before {@code RolloutWorkflowImpl.SAFETY_SEMANTICS}: frozen, so that
 * rollouts which started on that code replay their histories command for command. What this package
 * does is never changed; a behaviour change goes into {@code dev.greenlight.rollout} behind a new
 * version. Where a step is the same logic as today's (the pre-flight, waiting after a rollback, the
 * traffic read that ends OFF, day 5's steps, the canary's poll and breach rule, acting on an alert,
 * continuing as new: {@code PhaseContext}, {@code OffTraffic}, {@code NormalizeSteps}, {@code
 * CanarySteps}), both loops call its one home, and {@code RolloutReplayTest} proves the recorded
 * histories still replay.
 *
 * <p>A run of an old rollout that continues as new leaves this code: the next run records the new
 * version and carries the state into today's semantics.
 */
public final class LegacyRollout {
  private final RolloutContext context;

  public LegacyRollout(RolloutPlan plan, RolloutState state) {
    this.context = new RolloutContext(plan, state, Workflow.getInfo().getWorkflowId());
  }

  /** Runs the old loop to a terminal phase (or continues as new); the caller returns the result. */
  public void run(RolloutInput input, boolean firstRun) {
    RolloutState state = context.state;
    context.begin(
        firstRun, "started by " + input.startedBy() + " with plan " + context.plan.name());
    while (!state.phase.isTerminal()) {
      context.awaitUnpaused();
      // An abort ends the rollout here: the loop ends with it.
      if (context.actOnAbortOrAlert()) {
        continue;
      }
      if (context.historyIsLong()) {
        continueAsNew(input);
      }
      step();
    }
    context.trackHistoryLength();
  }

  private void step() {
    if (!context.stepSharedPhase()) {
      switch (context.state.phase) {
        case OFF -> OffPhase.tick(context);
        case WARN -> WarnPhase.tick(context);
        case NORMALIZE -> NormalizePhase.tick(context);
        case CANARY, SOAK -> CanaryPhase.tick(context);
        case WARN_EXIT -> WarnExitPhase.tick(context);
        default -> throw new IllegalStateException("no step for phase " + context.state.phase);
      }
    }
    context.trackHistoryLength();
  }

  private void continueAsNew(RolloutInput input) {
    Workflow.await(Workflow::isEveryHandlerFinished);
    context.continueAsNew(input.startedBy());
  }
}
