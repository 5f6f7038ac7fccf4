package dev.greenlight.rollout.plan;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped plans, found from whichever module directory the tests run in. */
public final class TestPlans {
  public static final Path V34 = locate("plans/stage-normalization-v3.4.yaml");

  private TestPlans() {}

  public static RolloutPlan v34() {
    return new PlanParser().parse(V34);
  }

  public static Path locate(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
