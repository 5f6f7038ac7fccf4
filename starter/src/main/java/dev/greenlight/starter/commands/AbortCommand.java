package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;

/** {@code greenlight abort}: End a rollout; ENFORCE is downgraded to warn first. */
@Command(name = "abort", header = "End a rollout; ENFORCE is downgraded to warn first.")
public final class AbortCommand extends SteeringCommand {
  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.abort(operator());
  }
}
