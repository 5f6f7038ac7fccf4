package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenlightCommandTest {
  @TempDir Path dir;

  private static void assertExit(int expected, Cli cli, String... fragments) {
    assertEquals(expected, cli.exit(), cli.toString());
    for (String f : fragments) {
      assertTrue(cli.out().contains(f) || cli.err().contains(f), "missing '" + f + "' in " + cli);
    }
  }

  @Test
  void everyCommandHasHelpWithItsHeader() {
    assertExit(0, Cli.run("--help"), "Run long, risky rollouts", "rehearse", "dev-server");
    assertExit(0, Cli.run("rehearse", "--help"), "Rehearse a whole rollout");
    assertExit(0, Cli.run("migrate", "--help"), "--dry-run", "--resume-from");
    assertExit(0, Cli.run("backup", "verify", "--help"), "SHA-256");
  }

  @Test
  void stageNormalizePrintsValueTabCanonicalOrUnknown() {
    Cli cli = Cli.run("stage", "normalize", "Series A", "angel", "xyz");
    assertExit(0, cli);
    assertEquals(
        "Series A\tseries-a\nangel\tpre-seed\nxyz\tUNKNOWN\n", cli.out().replace("\r", ""));
  }

  @Test
  void planValidateAcceptsTheShippedPlan() {
    assertExit(0, Cli.run("plan", "validate", planPath().toString()), "is valid", "canary   10%");
  }

  @Test
  void missingPlanFileIsBadInput() {
    assertExit(
        2, Cli.run("plan", "validate", "/no/such/plan.yaml"), "/no/such/plan.yaml does not exist");
    assertExit(2, Cli.run("start", "--plan", "/no/such/plan.yaml"), "does not exist");
  }

  @Test
  void invalidYamlIsBadInputWithLineAndColumn() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nsurface: [unclosed\n");
    assertExit(2, Cli.run("plan", "validate", bad.toString()), "line", "column");
  }

  @Test
  void webhookWithoutRedisOrCredentialsIsBadInput() {
    assertExit(2, Cli.run("webhook", "--redis", ""), "REDIS_URL", "was not set");
    // No GREENLIGHT_WEBHOOK_TOKENS / ALERTMANAGER_WEBHOOK_SECRET in the test's environment.
    assertExit(
        2,
        Cli.run("webhook", "--redis", TestServices.redis().url(), "--port", "0"),
        "at least one credential");
  }

  @Test
  void temporalNotAnsweringFailsWithTheDevServerHint() {
    assertExit(1, Cli.run("status", "--temporal", "127.0.0.1:1"), "greenlight dev-server");
    assertExit(
        1,
        Cli.run("approve", "migration", "--why", "ok", "--temporal", "127.0.0.1:1"),
        "Temporal does not answer at 127.0.0.1:1");
  }

  @Test
  void unknownWorkflowIdFailsNamingIt() {
    try (DevServer server =
        DevServer.start(0, TestServices.postgres().jdbcUrl(), TestServices.redis().url())) {
      assertExit(
          1,
          Cli.run("status", "--temporal", server.temporalAddress(), "-w", "rollout-nope"),
          "no rollout with workflow id rollout-nope");
      assertExit(
          1,
          Cli.run(
              "pause", "--why", "x", "--temporal", server.temporalAddress(), "-w", "rollout-nope"),
          "rollout-nope");
    }
  }

  @Test
  void missingOrInvalidArgumentsAreBadInput() {
    assertExit(2, Cli.run("approve", "migration"), "--why");
    assertExit(
        2, Cli.run("extend-warn", "0", "--why", "x"), "DAYS must be between 1 and 30 but was 0");
    assertExit(2, Cli.run("migrate"), "--dry-run", "--apply");
    assertExit(
        2,
        Cli.run("migrate", "--apply", "--db", "jdbc:postgresql://h/db"),
        "--apply needs --run-id");
    assertExit(
        2,
        Cli.run("seed", "--rows", "-5", "--db", "jdbc:postgresql://h/db"),
        "--rows must be 0 or more but was -5");
    assertExit(2, Cli.run("seed", "--db", ""), "GREENLIGHT_DB_URL");
    assertExit(
        2,
        Cli.run("rehearse", "--scenario", "no-such-scenario", "--plan", planPath().toString()),
        "no-such-scenario.yaml does not exist");
    assertExit(2, Cli.run("rehearse", "--rows", "-1"), "--rows must be 0 or more but was -1");
    assertExit(2, Cli.run("nonsense"), "Unmatched argument");
  }

  static Path planPath() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(PlanFiles.DEFAULT_PLAN))) {
        return d.resolve(PlanFiles.DEFAULT_PLAN);
      }
    }
    throw new IllegalStateException(
        "no " + PlanFiles.DEFAULT_PLAN + " above the working directory");
  }
}
