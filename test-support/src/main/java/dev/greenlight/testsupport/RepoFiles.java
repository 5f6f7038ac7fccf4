package dev.greenlight.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files the repository ships (plans, rules, Alertmanager config), found from the test's dir. */
final class RepoFiles {
  static final Path COMPRESSED_PLAN = locate("plans/e2e-compressed.yaml");
  static final Path RULES = locate("ops/prometheus/rules/stage-validation.yml");
  static final Path ALERTMANAGER = locate("ops/alertmanager/alertmanager.yml");

  private RepoFiles() {}

  static Path locate(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
