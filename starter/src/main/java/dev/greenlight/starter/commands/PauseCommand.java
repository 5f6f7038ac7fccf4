package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;

/** {@code greenlight pause}: Hold a rollout where it is; gates are not read while paused. */
@Command(name = "pause", header = "Hold a rollout where it is; gates are not read while paused.")
public final class PauseCommand extends SteeringCommand {
  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.pause(operator());
  }
}
