package dev.greenlight.starter.commands;

import dev.greenlight.rollout.plan.HumanDurations;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.PlanFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight plan}: work with rollout plans. */
@Command(
    name = "plan",
    header = "Work with rollout plans.",
    subcommands = {PlanCommand.Validate.class, PlanGatesCommand.class})
public final class PlanCommand extends CommandGroup {

  /** {@code greenlight plan validate FILE}: parses and checks a plan without starting anything. */
  @Command(name = "validate", header = "Check a plan file; errors name the field and line.")
  public static final class Validate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        defaultValue = PlanFiles.DEFAULT_PLAN,
        paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      RolloutPlan plan = PlanFiles.load(spec.commandLine(), file);
      var out = spec.commandLine().getOut();
      out.printf("%s is valid: plan %s for surface %s%n", file, plan.name(), plan.surface());
      out.printf("  off      ≥ %s%n", HumanDurations.format(plan.off().minDuration()));
      out.printf(
          "  warn     ≥ %s, window %s%n",
          HumanDurations.format(plan.warn().minDuration()),
          HumanDurations.format(plan.warn().window()));
      plan.canary()
          .steps()
          .forEach(
              s ->
                  out.printf(
                      "  canary   %d%% ≥ %s%n",
                      s.percent(), HumanDurations.format(s.minDuration())));
      out.printf("  soak     %s%n", HumanDurations.format(plan.soak().duration()));
      out.printf(
          "  exit     %d good days, cap %s%n",
          plan.warnExit().requiredGoodDays(), HumanDurations.format(plan.warnExit().cap()));
      out.flush();
      return 0;
    }
  }
}
