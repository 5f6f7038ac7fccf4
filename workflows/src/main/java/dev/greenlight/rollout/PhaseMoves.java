package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;

/**
 * The moves a phase step makes, as both loops make them: today's {@link RolloutContext} and the
 * frozen legacy one each implement them with their own semantics, so a step whose logic both loops
 * share (the pre-flight) is written once and still issues, in each loop, the commands that loop's
 * recorded histories hold. Workflow-thread only.
 */
public interface PhaseMoves {
  RolloutPlan plan();

  RolloutState state();

  ActivityStubs activities();

  /** The id data steps are keyed by (in the legacy loop, the workflow id). */
  String attemptId();

  /** Records a transition in the current phase and mode, and refreshes what the UI shows. */
  void record(String reason);

  /**
   * Records a transition and tells the plan's sinks about it as {@code event}; the legacy loop,
   * which predates notifications, only records it.
   */
  void record(String reason, NotifyEvent event);

  /** Moves to {@code phase}, recording why. */
  void enter(Phase phase, String reason);

  /** Writes {@code warn} or {@code off} through the mode store, then records it. */
  void flip(ValidationMode mode, int percent, String reason);
}
