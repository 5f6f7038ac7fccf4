package dev.greenlight.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files the repository ships (plans, rules, Alertmanager config), found from whichever module
 * directory the tests run in.
 */
public final class RepoFiles {
  /** The plan most tests roll out. */
  public static final String V34_PLAN = "plans/stage-normalization-v3.4.yaml";

  private RepoFiles() {}

  /** {@value #V34_PLAN}, found above the working directory. */
  public static Path v34Plan() {
    return locate(V34_PLAN);
  }

  /** The shipped Prometheus alerting rules. */
  public static Path rules() {
    return locate("ops/prometheus/rules/stage-validation.yml");
  }

  /** The shipped Alertmanager config. */
  public static Path alertmanagerConfig() {
    return locate("ops/alertmanager/alertmanager.yml");
  }

  /** {@code relative} resolved against the nearest directory above the working one that has it. */
  public static Path locate(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + here);
  }
}
