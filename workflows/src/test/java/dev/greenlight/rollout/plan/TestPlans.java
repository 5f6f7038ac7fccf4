package dev.greenlight.rollout.plan;

import dev.greenlight.testsupport.RepoFiles;
import java.nio.file.Path;

/** The shipped plans, parsed: the lookup is test-support's {@link RepoFiles}. */
public final class TestPlans {
  public static final Path V34 = RepoFiles.v34Plan();

  private TestPlans() {}

  public static RolloutPlan v34() {
    return new PlanParser().parse(V34);
  }
}
