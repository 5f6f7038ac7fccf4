package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.testsupport.LoopbackCertificates;
import dev.greenlight.testsupport.PrometheusProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI reads its Prometheus settings from the environment, as an operator sets them: {@code
 * greenlight} runs as a process of its own against a real Prometheus behind TLS (a CA made for the
 * test) and basic auth. The right settings read every gate; a wrong password exits 1 saying what to
 * check; a bad setting exits 2 naming it, in {@code plan gates} and in {@code worker}; the password
 * appears in no output.
 */
class PlanGatesSecuredPrometheusTest {
  private static final String WRONG_PASSWORD = "wrong-pass-Vb81Kd";

  @TempDir static Path dir;
  private static ScrapedGates gates;
  private static LoopbackCertificates certificates;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        ExternalTools.present("prometheus", "openssl"),
        ExternalTools.skipReason("prometheus", "openssl"));
    certificates = LoopbackCertificates.create(dir, "prometheus");
    gates =
        ScrapedGates.start(
            port ->
                PrometheusProcess.builder().scraping(port).tls(certificates).basicAuth().start());
    gates.prometheus().awaitReady(Duration.ofSeconds(60));
    gates.awaitRates(secured(PrometheusProcess.TEST_PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    if (gates != null) {
      gates.close();
    }
  }

  private static Map<String, String> secured(String password) throws IOException {
    Path file = Files.createTempFile(dir, "password", "");
    Files.writeString(file, password + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("PROMETHEUS_URL", gates.prometheus().url());
    env.put("PROMETHEUS_CA_FILE", certificates.caCertificate().toString());
    env.put("PROMETHEUS_USERNAME", PrometheusProcess.TEST_USERNAME);
    env.put("PROMETHEUS_PASSWORD_FILE", file.toString());
    env.put("PROMETHEUS_HEADERS", "X-Scope-OrgID: team-a");
    return env;
  }

  /** What a run of {@code greenlight} printed and how it exited. */
  private record Run(int exit, String out) {
    void assertNoPassword() {
      assertFalse(out.contains(PrometheusProcess.TEST_PASSWORD), out);
      assertFalse(out.contains(WRONG_PASSWORD), out);
    }
  }

  /** Runs the CLI in a JVM of its own with exactly these Prometheus settings. */
  private static Run greenlight(Map<String, String> settings, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Greenlight.class.getName());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "greenlight", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PROMETHEUS_"));
    builder.environment().putAll(settings);
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("greenlight did not finish in 90 s:\n" + Files.readString(output));
    }
    return new Run(process.exitValue(), Files.readString(output));
  }

  @Test
  void rightSettingsReadEveryGateWithoutShowingThePassword() throws Exception {
    Run run = planGates(secured(PrometheusProcess.TEST_PASSWORD));
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains("8 of 8 queries answered with data"), run.out());
    assertTrue(
        run.out().contains("(basic auth as greenlight, password from file " + dir), run.out());
    assertTrue(run.out().contains("headers [X-Scope-OrgID]"), run.out());
    run.assertNoPassword();
  }

  @Test
  void aWrongPasswordExits1SayingWhatToCheck() throws Exception {
    Run run = planGates(secured(WRONG_PASSWORD));
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("failed with HTTP 401"), run.out());
    assertTrue(run.out().contains("check PROMETHEUS_BEARER_TOKEN_FILE, or"), run.out());
    run.assertNoPassword();
  }

  /** {@code plan gates} on the shipped plan, in a JVM of its own with these settings. */
  private static Run planGates(Map<String, String> settings) throws Exception {
    return greenlight(
        settings, "plan", "gates", "--plan", PlanGatesCommandTest.shippedPlan().toString());
  }

  @Test
  void aMalformedHeaderSettingIsBadInputForPlanGates() throws Exception {
    Map<String, String> env = secured(PrometheusProcess.TEST_PASSWORD);
    env.put("PROMETHEUS_HEADERS", "X-Scope-OrgID team-a");
    Run run = planGates(env);
    assertEquals(2, run.exit(), run.out());
    assertTrue(run.out().contains("PROMETHEUS_HEADERS pair 1 has no ':'"), run.out());
    run.assertNoPassword();
  }

  @Test
  void theWorkerRefusesAMissingCaFileBeforeConnectingAnything() throws Exception {
    Map<String, String> env = secured(PrometheusProcess.TEST_PASSWORD);
    env.put("PROMETHEUS_CA_FILE", dir.resolve("no-such-ca.pem").toString());
    // Never reached: the settings are checked before the worker connects to anything.
    env.put("GREENLIGHT_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
    env.put("REDIS_URL", "redis://127.0.0.1:1");
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:1");
    env.put("GREENLIGHT_BACKUP_DIR", dir.resolve("backups").toString());
    Run run = greenlight(env, "worker", "--metrics-port", "0");
    assertEquals(2, run.exit(), run.out());
    assertTrue(
        run.out().contains("PROMETHEUS_CA_FILE names " + dir.resolve("no-such-ca.pem")), run.out());
    run.assertNoPassword();
  }
}
