package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.RolloutPlan;
import io.temporal.workflow.Workflow;

/**
 * What the Temporal UI shows of a running rollout: the search attributes on-call filters by and the
 * Markdown current details. One home for today's loop and the legacy one, which show the same.
 * Workflow-thread only.
 */
public final class RolloutVisibility {
  private RolloutVisibility() {}

  /** Shows the state's phase, mode and percent as search attributes, then its details. */
  public static void showTransition(RolloutPlan plan, RolloutState state) {
    Workflow.upsertTypedSearchAttributes(
        RolloutConstants.PHASE.valueSet(state.phase.name()),
        RolloutConstants.MODE.valueSet(state.mode == null ? "unset" : state.mode.wireName()),
        RolloutConstants.PERCENT.valueSet((long) state.percent));
    showDetails(plan, state);
  }

  /** Renders the state as the execution's current details. */
  public static void showDetails(RolloutPlan plan, RolloutState state) {
    Workflow.setCurrentDetails(StatusMarkdown.render(plan, state, Workflow.currentTimeMillis()));
  }
}
