package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.worker.RolloutWorker;
import dev.greenlight.worker.WorkerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release manager's commands on a real rollout: {@code seed}, {@code start}, {@code status},
 * {@code pause}, {@code resume}, {@code watch} (its exit codes, plain and JSON lines) and {@code
 * abort} through picocli, against a dev server and a worker polling it, on real PostgreSQL and
 * Redis. The v3.4 plan's OFF phase waits two days, so the rollout sits still there while the
 * commands steer it.
 */
class RolloutCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void startStatusPauseResumeWatchAbortOnARunningRollout() throws Exception {
    String plan = "cli-rollout-" + UUID.randomUUID().toString().substring(0, 8);
    String workflowId = "rollout-" + plan;
    String dbUrl = TestServices.postgres().createDatabase("cli_rollout");
    String redisUrl = TestServices.redis().url();
    String redisPrefix = "greenlight:cli-test:" + UUID.randomUUID() + ":";
    try (DevServer server = DevServer.start(0, dbUrl, redisUrl);
        RolloutWorker worker = startWorker(server, dbUrl, redisUrl, redisPrefix)) {
      String temporal = server.temporalAddress();
      Path planFile = writePlan(plan);

      expect(0, Cli.run("seed", "--rows", "1500", "--db", dbUrl), "1500");
      expect(
          0,
          Cli.run("start", "--plan", planFile.toString(), "--who", "rm", "--temporal", temporal),
          "started " + workflowId,
          "greenlight watch -w " + workflowId);
      expect(
          1,
          Cli.run("start", "--plan", planFile.toString(), "--temporal", temporal),
          "already running as " + workflowId);

      JsonNode off = awaitStatus(temporal, workflowId, s -> s.get("phase").asText().equals("OFF"));
      assertEquals("OFF", off.get("mode").asText(), off.toString());
      assertTransition(off, "pre-flight passed");
      expect(0, Cli.run("status", "--temporal", temporal, "-w", workflowId), "OFF");

      steer(temporal, workflowId, "pause", "change freeze");
      JsonNode paused = awaitStatus(temporal, workflowId, s -> s.get("paused").asBoolean());
      assertTrue(paused.get("pauseReason").asText().contains("change freeze"), paused.toString());
      Cli resumed =
          Cli.run(
              "resume",
              "--json",
              "--who",
              "rm",
              "--why",
              "freeze over",
              "--temporal",
              temporal,
              "-w",
              workflowId);
      assertEquals(0, resumed.exit(), resumed.toString());
      assertEquals(workflowId, JSON.readTree(resumed.out()).get("workflowId").asText());
      awaitStatus(temporal, workflowId, s -> !s.get("paused").asBoolean());

      // The manual lever tells the rollout as the webhook does (autoDowngrade): in OFF it records.
      ModeLever modeSet = new ModeLever(redisUrl, redisPrefix, temporal, workflowId);
      Cli lever = modeSet.byOncall("warn", "manual lever drill");
      expect(0, lever, "wrote warn 0%", "told (autoDowngrade)");
      JsonNode told =
          awaitStatus(
              temporal, workflowId, s -> s.get("alerts").toString().contains("mode-set-by-hand"));
      assertTransition(told, "alert mode-set-by-hand: warn 0% set by oncall: manual lever drill");

      // Not a terminal here: the table once, then plain lines, never a redraw; still running
      // after --count refreshes is not a success.
      Cli watching =
          Cli.run(
              "watch", "--interval", "1", "--count", "2", "--temporal", temporal, "-w", workflowId);
      expect(8, watching, "OFF", "watch: STILL_RUNNING, exit 8");
      assertFalse(watching.out().contains("\033") || watching.out().contains("\r"), watching.out());

      Cli jsonLines =
          Cli.run("watch", "--json", "--count", "1", "--temporal", temporal, "-w", workflowId);
      assertEquals(8, jsonLines.exit(), jsonLines.toString());
      List<String> lines = jsonLines.out().lines().toList();
      assertEquals(2, lines.size(), jsonLines.out());
      JsonNode refresh = JSON.readTree(lines.get(0));
      assertEquals("status", refresh.get("event").asText());
      assertEquals("OFF", refresh.get("phase").asText());
      assertTrue(refresh.get("approvals").isArray(), lines.get(0));
      JsonNode end = JSON.readTree(lines.get(1));
      assertEquals("end", end.get("event").asText());
      assertEquals("STILL_RUNNING", end.get("outcome").asText());
      assertEquals(8, end.get("exitCode").asInt());

      expect(
          1,
          Cli.run("watch", "--count", "1", "--temporal", temporal, "-w", "rollout-no-such-plan"),
          "no rollout with workflow id rollout-no-such-plan");

      steer(temporal, workflowId, "abort", "rehearsing the CLI");
      JsonNode aborted =
          awaitStatus(temporal, workflowId, s -> s.get("phase").asText().equals("ABORTED"));
      assertTransition(aborted, "rehearsing the CLI");
      expect(
          3,
          Cli.run("watch", "--interval", "1", "--temporal", temporal, "-w", workflowId),
          "ABORTED",
          "watch: ABORTED, exit 3");
      Cli abortedJson = Cli.run("watch", "--json", "--temporal", temporal, "-w", workflowId);
      assertEquals(3, abortedJson.exit(), abortedJson.toString());
      JsonNode last = JSON.readTree(abortedJson.out().lines().reduce((a, b) -> b).orElseThrow());
      assertEquals("ABORTED", last.get("outcome").asText(), abortedJson.out());
      expect(
          1,
          Cli.run("pause", "--why", "too late", "--temporal", temporal, "-w", workflowId),
          workflowId);
      expect(0, modeSet.byOncall("off", "after the abort"), "no running rollout to tell");
    }
  }

  private RolloutWorker startWorker(
      DevServer server, String dbUrl, String redisUrl, String redisPrefix) {
    // No Prometheus: nothing in this test reads a gate, and a read would be an error, not a pass.
    WorkerConfig config =
        new WorkerConfig(
            TemporalSettings.plaintext(
                server.temporalAddress(), TemporalSettings.DEFAULT_NAMESPACE),
            dbUrl,
            redisUrl,
            "http://127.0.0.1:9",
            dir.resolve("backups"),
            // auto: pg_dump where it is installed, the JDBC copy format on a JDK-only machine.
            BackupFormatPolicy.AUTO,
            redisPrefix,
            0,
            true);
    return RolloutWorker.start(config, new PrintWriter(new StringWriter()));
  }

  /**
   * The shipped plan under a fresh name, with this test's access log and a loaded-CI Redis budget.
   */
  private Path writePlan(String name) throws Exception {
    Path accessLog =
        Files.writeString(
            dir.resolve("access.log"),
            "10.0.0.7 - - [01/Mar/2026:10:00:00 +0000] \"POST /companies HTTP/1.1\" 201 312 \"-\""
                + " \"internal-batch/2.1\"\n");
    String shipped = Files.readString(GreenlightCommandTest.planPath());
    String plan =
        shipped
            .replace("name: stage-normalization-v3.4", "name: " + name)
            .replace("accessLog: /var/log/api/access.log", "accessLog: " + accessLog)
            // A shared CI machine's Redis p99 is not this test's subject.
            .replace("redisMaxP99: 10ms", "redisMaxP99: 500ms")
            .replace("redisProbeSamples: 1000", "redisProbeSamples: 100");
    assertTrue(plan.contains("accessLog: " + accessLog), "the shipped plan's layout changed");
    return Files.writeString(dir.resolve(name + ".yaml"), plan);
  }

  /** {@code greenlight mode set} against this test's Redis keys and rollout. */
  private record ModeLever(
      String redisUrl, String redisPrefix, String temporal, String workflowId) {
    Cli byOncall(String mode, String why) {
      return Cli.run(
          "mode",
          "set",
          mode,
          "--who",
          "oncall",
          "--why",
          why,
          "--redis",
          redisUrl,
          "--redis-prefix",
          redisPrefix,
          "--temporal",
          temporal,
          "-w",
          workflowId);
    }
  }

  private static void steer(String temporal, String workflowId, String command, String why) {
    expect(
        0,
        Cli.run(command, "--who", "rm", "--why", why, "--temporal", temporal, "-w", workflowId),
        workflowId + ": ");
  }

  private static JsonNode awaitStatus(String temporal, String workflowId, Predicate<JsonNode> done)
      throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonNode status = null;
    while (System.nanoTime() < deadline) {
      Cli cli = Cli.run("status", "--json", "--temporal", temporal, "-w", workflowId);
      assertEquals(0, cli.exit(), cli.toString());
      status = JSON.readTree(cli.out());
      if (done.test(status)) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("status did not get there within " + SETTLE + "; last: " + status);
  }

  private static void assertTransition(JsonNode status, String fragment) {
    for (JsonNode t : status.get("transitions")) {
      if (t.get("reason").asText().contains(fragment)) {
        return;
      }
    }
    throw new AssertionError("no transition mentions '" + fragment + "' in " + status);
  }

  private static void expect(int exit, Cli cli, String... fragments) {
    assertEquals(exit, cli.exit(), cli.toString());
    for (String f : fragments) {
      assertTrue(cli.out().contains(f) || cli.err().contains(f), "missing '" + f + "' in " + cli);
    }
  }
}
