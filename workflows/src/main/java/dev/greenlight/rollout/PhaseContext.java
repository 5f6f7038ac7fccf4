package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.workflow.Workflow;

/**
 * What a phase step has — the plan, the state, the activity stubs — and the moves it makes, as both
 * loops make them. Today's {@link RolloutContext} and the frozen legacy one each implement the
 * moves with their own semantics, so a step whose logic both loops share (the pre-flight) is
 * written once and still issues, in each loop, the commands that loop's recorded histories hold.
 * Workflow-thread only.
 */
public abstract class PhaseContext {
  public final RolloutPlan plan;
  public final RolloutState state;
  public final ActivityStubs activities;

  protected PhaseContext(RolloutPlan plan, RolloutState state, ActivityStubs activities) {
    this.plan = plan;
    this.state = state;
    this.activities = activities;
  }

  public final long now() {
    return Workflow.currentTimeMillis();
  }

  /** The id data steps are keyed by (in the legacy loop, the workflow id). */
  public abstract String attemptId();

  /** Records a transition in the current phase and mode, and refreshes what the UI shows. */
  public abstract void record(String reason);

  /**
   * Records a transition and tells the plan's sinks about it as {@code event}; the legacy loop,
   * which predates notifications, only records it.
   */
  public abstract void record(String reason, NotifyEvent event);

  /** Moves to {@code phase}, recording why. */
  public abstract void enter(Phase phase, String reason);

  /** Writes {@code warn} or {@code off} through the mode store, then records it. */
  public abstract void flip(ValidationMode mode, int percent, String reason);

  /**
   * Adds {@code step} to the pending approvals and waits until it is approved, or until something
   * else needs the loop.
   *
   * @return whether {@code step} is approved
   */
  public abstract boolean awaitApproval(String step, String why);

  /** Ends the rollout before any irreversible step, saying why. */
  public final void stop(String reason) {
    state.outcomeReason = reason;
    enter(Phase.STOPPED, reason);
  }

  /** Shows the state as the execution's current details. */
  public final void refreshDetails() {
    RolloutVisibility.showDetails(plan, state);
  }
}
