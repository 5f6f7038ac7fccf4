package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.PromoteInput;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code greenlight promote}: skips the rest of a canary step's minimum duration. */
@Command(
    name = "promote",
    header = "Promote the canary step now; gates must be green unless --force.")
public final class PromoteCommand extends SteeringCommand {
  @Option(names = "--force", description = "Promote even when gates are not green.")
  boolean force;

  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.promote(new PromoteInput(who.who, who.why, force));
  }
}
