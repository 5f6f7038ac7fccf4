package dev.greenlight.starter;

import dev.greenlight.rollout.plan.RolloutPlan;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --plan FILE} option of the commands that run a plan. A picocli mixin. */
public final class PlanOption {
  @Option(
      names = "--plan",
      paramLabel = "FILE",
      defaultValue = PlanFiles.DEFAULT_PLAN,
      description = "Plan file (default ${DEFAULT-VALUE}).")
  Path plan;

  /**
   * The plan, parsed and validated.
   *
   * @throws CommandLine.ParameterException (exit 2) when the file is missing or the plan invalid
   */
  public RolloutPlan load(CommandLine cli) {
    return PlanFiles.load(cli, plan);
  }
}
