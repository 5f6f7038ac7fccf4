package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;

/** {@code greenlight resume}: Continue a paused rollout. */
@Command(name = "resume", header = "Continue a paused rollout.")
public final class ResumeCommand extends SteeringCommand {
  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.resume(operator());
  }
}
