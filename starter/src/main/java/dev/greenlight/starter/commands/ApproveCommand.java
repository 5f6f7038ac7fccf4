package dev.greenlight.starter.commands;

import dev.greenlight.rollout.ApproveInput;
import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight approve STEP}: approves a step the rollout waits on. */
@Command(
    name = "approve",
    header = "Approve a pending step (migration, distinct-stages, external-consumers, …).")
public final class ApproveCommand extends SteeringCommand {
  @Parameters(index = "0", paramLabel = "STEP", description = "The pending step to approve.")
  String step;

  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.approve(new ApproveInput(step, who.who, who.why));
  }
}
