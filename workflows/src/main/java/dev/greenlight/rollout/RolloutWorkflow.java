package dev.greenlight.rollout;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A whole rollout, from pre-flight to WARN exit, as one durable workflow.
 *
 * <p>Commands are updates with validators: a wrong command is refused with a reason and leaves no
 * trace in history. Alerts arrive as a signal, which is accepted even while no worker runs.
 */
@WorkflowInterface
public interface RolloutWorkflow {
  @WorkflowMethod
  RolloutResult run(RolloutInput input);

  @QueryMethod(description = "The whole state: phase, mode, gates, approvals, transitions.")
  RolloutStatus status();

  @UpdateMethod(description = "Approve a pending step (external-consumers, migration, …).")
  CommandResult approve(ApproveInput command);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ApproveInput command);

  @UpdateMethod(description = "Hold the rollout where it is; gates are not read while paused.")
  CommandResult pause(OperatorCommand command);

  @UpdateValidatorMethod(updateName = "pause")
  void validatePause(OperatorCommand command);

  @UpdateMethod(description = "Continue a paused rollout.")
  CommandResult resume(OperatorCommand command);

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume(OperatorCommand command);

  @UpdateMethod(description = "End the rollout; ENFORCE is downgraded to warn first.")
  CommandResult abort(OperatorCommand command);

  @UpdateValidatorMethod(updateName = "abort")
  void validateAbort(OperatorCommand command);

  @UpdateMethod(
      description = "Skip the rest of a canary step's minimum; gates must be green unless forced.")
  CommandResult promote(PromoteInput command);

  @UpdateValidatorMethod(updateName = "promote")
  void validatePromote(PromoteInput command);

  @UpdateMethod(description = "Extend WARN by a number of days before the canary may be retried.")
  CommandResult extendWarn(ExtendWarnInput command);

  @UpdateValidatorMethod(updateName = "extendWarn")
  void validateExtendWarn(ExtendWarnInput command);

  @UpdateMethod(description = "After a rollback, start the canary again at its first step.")
  CommandResult retryCanary(OperatorCommand command);

  @UpdateValidatorMethod(updateName = "retryCanary")
  void validateRetryCanary(OperatorCommand command);

  @SignalMethod(description = "An alert asks for a downgrade to warn (sent by the ops webhook).")
  void autoDowngrade(AlertSignal alert);
}
