package dev.greenlight.starter.commands;

import dev.greenlight.rollout.CommandResult;
import dev.greenlight.rollout.ExtendWarnInput;
import dev.greenlight.rollout.RolloutWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight extend-warn DAYS}: holds WARN longer before the canary may be retried. */
@Command(
    name = "extend-warn",
    header = "Extend WARN by a number of days before the canary may be retried.")
public final class ExtendWarnCommand extends SteeringCommand {
  @Parameters(index = "0", paramLabel = "DAYS", description = "Days to add (1–30).")
  int days;

  @Override
  void validate() {
    OptionBounds.requireBetween(cli(), "DAYS", days, 1, 30);
  }

  @Override
  CommandResult send(RolloutWorkflow rollout) {
    return rollout.extendWarn(new ExtendWarnInput(days, who.who, who.why));
  }
}
