package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Prometheus' and Alertmanager's own checkers over the shipped files: {@code promtool check
 * rules}, {@code promtool test rules} and {@code amtool check-config}. A failure shows the tool's
 * output. Needs Debian's {@code prometheus} and {@code prometheus-alertmanager} ({@code .ci/run}
 * installs them).
 */
class StageValidationRulesTest {
  static final Path RULES = Path.of("prometheus/rules/stage-validation.yml");
  static final Path RULE_TESTS = Path.of("prometheus/tests/stage-validation-test.yml");
  static final Path ALERTMANAGER = Path.of("alertmanager/alertmanager.yml");

  record Run(int exit, String output) {}

  @BeforeAll
  static void toolsPresent() {
    assumeTrue(
        ExternalTools.present("promtool", "amtool"),
        ExternalTools.skipReason("promtool", "amtool"));
  }

  static Run run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toAbsolutePath().toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within 60s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.exitValue(), output);
  }

  private static void assertPasses(String... command) throws Exception {
    Run run = run(Path.of(""), command);
    assertEquals(0, run.exit(), () -> String.join(" ", command) + " failed:\n" + run.output());
  }

  @Test
  void rulesPassPromtoolCheck() throws Exception {
    assertPasses("promtool", "check", "rules", RULES.toString());
  }

  @Test
  void everyAlertFiresAndHoldsAsItsRuleTestsSay() throws Exception {
    assertPasses("promtool", "test", "rules", RULE_TESTS.toString());
  }

  @Test
  void alertmanagerConfigPassesAmtool() throws Exception {
    assertPasses("amtool", "check-config", ALERTMANAGER.toString());
  }

  @Test
  void autoDowngradeAlertsRouteToTheWebhookAndOthersDoNot() throws Exception {
    for (String alert : List.of("StageEnforceErrorSpike", "StageEnforceUnknownRateHigh")) {
      Run downgrade = routeTest("action=auto-downgrade", "alertname=" + alert);
      assertEquals("greenlight-ops-webhook", lastLine(downgrade), downgrade.output());
    }
    Run other = routeTest("alertname=StageValidatorLatencyRegression");
    assertEquals("default", lastLine(other), other.output());
  }

  /** Where the shipped Alertmanager config routes an alert with these labels. */
  private static Run routeTest(String... labels) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("amtool", "config", "routes", "test", "--config.file=" + ALERTMANAGER));
    command.addAll(List.of(labels));
    return run(Path.of(""), command.toArray(String[]::new));
  }

  /** amtool prints a warning about --alertmanager.url before the answer. */
  private static String lastLine(Run run) {
    String[] lines = run.output().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  @Test
  void shippedRulesAreWhatTheRuleTestsExercise(@TempDir Path dir) throws Exception {
    // Guards the guard: with the spike threshold raised tenfold, the rule tests must fail.
    Run broken =
        ruleTestsWith(
            dir, "stage:http_errors:ratio_rate5m > 0.001", "stage:http_errors:ratio_rate5m > 0.01");
    assertTrue(broken.output().contains("StageEnforceErrorSpike"), broken.output());
  }

  @Test
  void ruleTestsCatchTheWarnRatioAsItWas(@TempDir Path dir) throws Exception {
    // The ratio as it was: stage_warn_unknown_total also moves under ENFORCE (unknowns accepted
    // outside the canary), so it read +Inf where nothing ran in warn and more than the WARN share
    // where both modes ran; either way EnforceGateUnknownRateHigh fired.
    String rules = Files.readString(RULES);
    String shipped =
        rules.substring(
            rules.indexOf("sum(rate(stage_validation_requests_total{mode=\"warn\",outcome="),
            rules.indexOf("- record: stage:enforce_unknown:ratio_rate5m"));
    Run broken =
        ruleTestsWith(
            dir,
            shipped,
            "sum(rate(stage_warn_unknown_total[5m]))\n"
                + "            / sum(rate(stage_validation_requests_total{mode=\"warn\"}[5m]))\n"
                + "      ");
    assertTrue(broken.output().contains("+Inf"), broken.output());
    assertTrue(broken.output().contains("NaN"), broken.output());
    assertTrue(broken.output().contains("EnforceGateUnknownRateHigh"), broken.output());
  }

  @Test
  void ruleTestsCatchTheEnforceUnknownAlertLosingItsDowngradeLabel(@TempDir Path dir)
      throws Exception {
    // The webhook downgrades only on action="auto-downgrade": without it the alert is a page.
    String labels =
        "for: 10m\n        labels:\n          severity: critical\n          team: api\n";
    Run broken = ruleTestsWith(dir, labels + "          action: auto-downgrade\n", labels);
    assertTrue(broken.output().contains("StageEnforceUnknownRateHigh"), broken.output());
  }

  /**
   * Runs the shipped rule tests against a copy of the rules with {@code shipped} replaced by {@code
   * changed}, and asserts that they fail.
   */
  private static Run ruleTestsWith(Path dir, String shipped, String changed) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.createDirectories(dir.resolve("tests"));
    String rules = Files.readString(RULES);
    assertTrue(rules.contains(shipped), shipped + " is not in " + RULES);
    Files.writeString(dir.resolve("rules/stage-validation.yml"), rules.replace(shipped, changed));
    Files.copy(RULE_TESTS, dir.resolve("tests/stage-validation-test.yml"));
    Run broken =
        run(dir.resolve("tests"), "promtool", "test", "rules", "stage-validation-test.yml");
    assertNotEquals(0, broken.exit(), broken.output());
    assertTrue(
        List.of(broken.output().split("\n")).stream().anyMatch(l -> l.contains("FAILED")),
        broken.output());
    return broken;
  }
}
