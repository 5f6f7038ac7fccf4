package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight extend-warn DAYS}: holds WARN longer before the canary may be retried. */
@Command(
    name = "extend-warn",
    mixinStandardHelpOptions = true,
    header = "Extend WARN by a number of days before the canary may be retried.")
public final class ExtendWarnCommand extends SteeringCommand {
  @Parameters(index = "0", paramLabel = "DAYS", description = "Days to add (1–30).")
  int days;

  @Override
  void validate() {
    if (days < 1 || days > 30) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "DAYS must be between 1 and 30 but was " + days);
    }
  }

  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.extendWarn(new dev.greenlight.rollout.ExtendWarnInput(days, who.who, who.why));
  }
}
