package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's own health alerts ({@code prometheus/rules/greenlight-health.yml}) through promtool:
 * they parse, and each fires and holds as its rule tests say on series shaped as the worker, the
 * webhook and the API export them.
 */
class GreenlightHealthRulesTest {
  static final Path RULES = Path.of("prometheus/rules/greenlight-health.yml");
  static final Path RULE_TESTS = Path.of("prometheus/tests/greenlight-health-test.yml");

  @BeforeAll
  static void toolsPresent() {
    assumeTrue(ExternalTools.present("promtool"), ExternalTools.skipReason("promtool"));
  }

  @Test
  void rulesPassPromtoolCheck() throws Exception {
    var run =
        StageValidationRulesTest.run(Path.of(""), "promtool", "check", "rules", RULES.toString());
    assertEquals(0, run.exit(), run.output());
  }

  @Test
  void everyHealthAlertFiresAndHoldsAsItsRuleTestsSay() throws Exception {
    var run =
        StageValidationRulesTest.run(
            Path.of(""), "promtool", "test", "rules", RULE_TESTS.toString());
    assertEquals(0, run.exit(), run.output());
  }

  @Test
  void ruleTestsCatchAPauseThresholdThatDrifted(@TempDir Path dir) throws Exception {
    // Guards the guard: a paused rollout alerting after 48h instead of 24h must fail the tests.
    String rules = Files.readString(RULES);
    String shipped = "(greenlight_rollout_paused) == 1\n        for: 24h";
    assertTrue(rules.contains(shipped), shipped + " is not in " + RULES);
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("tests"));
    Files.writeString(
        dir.resolve("rules/greenlight-health.yml"),
        rules.replace(shipped, "(greenlight_rollout_paused) == 1\n        for: 48h"));
    Files.copy(RULE_TESTS, dir.resolve("tests/greenlight-health-test.yml"));
    var broken =
        StageValidationRulesTest.run(
            dir.resolve("tests"), "promtool", "test", "rules", "greenlight-health-test.yml");
    assertNotEquals(0, broken.exit(), broken.output());
    assertTrue(broken.output().contains("GreenlightRolloutPausedTooLong"), broken.output());
  }
}
