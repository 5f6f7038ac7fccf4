package dev.greenlight.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.TemporalServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.testsupport.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production artifact {@code target/greenlight-worker.jar}, as the package phase built it:
 * small, free of development pieces, and a worker that starts with {@code java -jar}. Fails when
 * someone brings embedded PostgreSQL, embedded Redis or Temporal's test server back into it.
 */
class LeanWorkerJarIT {
  static final Path JAR = Path.of("target", "greenlight-worker.jar");
  static final long MAX_BYTES = 60_000_000;

  /** Entry name prefixes of what must not ship, and what each is. */
  static final Map<String, String> FORBIDDEN =
      Map.ofEntries(
          Map.entry("io/zonky/", "embedded PostgreSQL (io.zonky)"),
          Map.entry("postgres-", "embedded PostgreSQL binaries"),
          Map.entry("redis/embedded/", "embedded Redis"),
          Map.entry("redis-server-", "embedded Redis binaries"),
          Map.entry("io/temporal/testing/", "temporal-testing"),
          Map.entry("io/temporal/testserver/", "Temporal's test server"),
          Map.entry("io/temporal/api/testservice/", "Temporal's test server API"),
          // Only the server: this package also holds the SDK's own in-process gRPC helpers.
          Map.entry(
              "io/temporal/internal/testservice/TestWorkflowService", "Temporal's test server"),
          Map.entry(
              "io/temporal/internal/testservice/TestServicesStarter", "Temporal's test server"),
          Map.entry("dev/greenlight/localservices/", "Greenlight's local-services"),
          Map.entry("dev/greenlight/testsupport/", "Greenlight's test-support"));

  /**
   * Entries the worker cannot run without that live in modules of their own (dataplane,
   * prometheus-client): a module graph change that drops one fails here, not in production.
   */
  static final List<String> REQUIRED =
      List.of(
          "db/migration/V1__stage_migration_control.sql",
          "dev/greenlight/dataplane/schema/Schema.class",
          "dev/greenlight/metrics/PrometheusMetricSource.class",
          "dev/greenlight/rollout/DataActivitiesImpl.class");

  @Test
  void jarIsUnderSixtyMegabytes() throws IOException {
    long size = Files.size(JAR);
    assertTrue(
        size < MAX_BYTES,
        JAR + " is " + size / 1_000_000 + " MB; the limit is " + MAX_BYTES / 1_000_000);
  }

  @Test
  void jarCarriesNoDevelopmentPieces() throws IOException {
    List<String> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        FORBIDDEN.forEach(
            (prefix, what) -> {
              if (entry.getName().startsWith(prefix)) {
                found.add(entry.getName() + " (" + what + ")");
              }
            });
      }
    }
    assertEquals(List.of(), found.stream().limit(10).toList(), "found " + found.size());
  }

  @Test
  void jarCarriesTheDataPlaneAndThePrometheusClient() throws IOException {
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      List<String> missing = REQUIRED.stream().filter(name -> zip.getEntry(name) == null).toList();
      assertEquals(List.of(), missing, "missing from " + JAR);
    }
  }

  @Test
  void withoutServicesTheJarRefusesToStartNamingThem() throws Exception {
    ProcessBuilder builder = java();
    builder.environment().keySet().removeIf(k -> k.startsWith("GREENLIGHT_") || k.endsWith("_URL"));
    Process process = builder.start();
    String output = readAll(process);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("GREENLIGHT_DB_URL REDIS_URL PROMETHEUS_URL"), output);
  }

  @Test
  void jarRunsAWorkerThatPollsAndStopsOnSigterm() throws Exception {
    String dbUrl = TestServices.postgres().createDatabase("gl_lean_jar");
    try (TemporalServer temporal = TemporalServer.start(0)) {
      ProcessBuilder builder = java();
      Map<String, String> env = builder.environment();
      env.put("TEMPORAL_ADDRESS", temporal.address());
      env.put("GREENLIGHT_DB_URL", dbUrl);
      env.put("REDIS_URL", TestServices.redis().url());
      env.put("PROMETHEUS_URL", "http://127.0.0.1:9");
      env.put("GREENLIGHT_REDIS_PREFIX", "gltest:lean-jar:");
      env.put("GREENLIGHT_METRICS_PORT", "0");
      env.put("GREENLIGHT_BACKUP_DIR", Files.createTempDirectory("gl-lean-jar").toString());
      Process process = builder.start();
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      CompletableFuture<Boolean> polling =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line; (line = lines.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    if (line.startsWith("worker polling")) {
                      return true;
                    }
                  }
                  return false;
                } catch (IOException e) {
                  return false;
                }
              });
      try {
        assertTrue(polling.get(120, TimeUnit.SECONDS), "the worker never polled:\n" + seen);
        assertTrue(seen.toString().contains(temporal.address()), seen.toString());
        assertTrue(!seen.toString().contains(" DEBUG "), "the jar's logback.xml is missing");
        Instant stopping = Instant.now();
        process.destroy(); // SIGTERM: the shutdown hook drains the worker
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM");
        assertTrue(
            Duration.between(stopping, Instant.now()).compareTo(RolloutWorker.SHUTDOWN_GRACE) < 0);
      } finally {
        process.destroyForcibly();
      }
    } finally {
      TestServices.postgres().dropDatabase(TestDatabases.nameOf(dbUrl));
    }
  }

  private static ProcessBuilder java() {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toAbsolutePath().toString())
        .redirectErrorStream(true);
  }

  private static String readAll(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
