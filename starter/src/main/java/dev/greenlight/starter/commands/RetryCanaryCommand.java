package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;

/** {@code greenlight retry-canary}: After a rollback, start the canary again at its first step. */
@Command(
    name = "retry-canary",
    header = "After a rollback, start the canary again at its first step.")
public final class RetryCanaryCommand extends SteeringCommand {
  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.retryCanary(operator());
  }
}
