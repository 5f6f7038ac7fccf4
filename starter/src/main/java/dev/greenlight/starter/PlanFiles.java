package dev.greenlight.starter;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.plan.PlanException;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Finds and parses plan and scenario files. A relative path that does not exist here is looked up
 * under {@code GREENLIGHT_HOME} (the repository root, set by the {@code ./greenlight} launcher), so
 * the defaults work from any directory.
 */
public final class PlanFiles {
  /** The file of {@link RolloutConstants#DEFAULT_PLAN}, whose rollout the commands steer. */
  public static final String DEFAULT_PLAN = "plans/" + RolloutConstants.DEFAULT_PLAN + ".yaml";

  public static final String SCENARIO_DIR = "plans/scenarios";

  private PlanFiles() {}

  public static Path locate(Path path) {
    if (Files.exists(path) || path.isAbsolute()) {
      return path;
    }
    String home = System.getenv("GREENLIGHT_HOME");
    if (home != null && Files.exists(Path.of(home).resolve(path))) {
      return Path.of(home).resolve(path);
    }
    return path;
  }

  /**
   * @throws CommandLine.ParameterException (exit 2) when the file is missing or the plan invalid
   */
  public static RolloutPlan load(CommandLine cli, Path path) {
    try {
      return new PlanParser().parse(locate(path));
    } catch (PlanException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }
}
