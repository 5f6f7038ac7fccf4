package dev.greenlight.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.localservices.TemporalServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.temporal.TemporalUnavailableException;
import dev.greenlight.testsupport.Ports;
import dev.greenlight.testsupport.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real worker process in miniature: Temporal's test server on a loopback port (what the dev
 * server runs), real PostgreSQL and Redis, the worker connecting over gRPC as it would to a
 * cluster.
 */
class RolloutWorkerTest {
  private static TemporalServer server;
  private static String dbUrl;

  @BeforeAll
  static void startServer() {
    dbUrl = TestServices.postgres().createDatabase("gl_worker");
    server = TemporalServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    TestServices.postgres().dropDatabase(TestDatabases.nameOf(dbUrl));
  }

  private static WorkerConfig config(int metricsPort) throws Exception {
    return new WorkerConfig(
        TemporalSettings.plaintext(server.address(), "default"),
        dbUrl,
        TestServices.redis().url(),
        "http://127.0.0.1:9",
        Files.createTempDirectory("gl-worker-backups"),
        BackupFormatPolicy.PG_DUMP,
        "gltest:worker:",
        metricsPort,
        true);
  }

  @Test
  void registersSearchAttributesOnceAndServesSdkMetrics() throws Exception {
    int port = Ports.free();
    StringWriter log = new StringWriter();
    try (RolloutWorker first = RolloutWorker.start(config(port), new PrintWriter(log))) {
      assertEquals(
          List.of("GreenlightMode", "GreenlightPercent", "GreenlightPhase"),
          first.addedSearchAttributes().stream().sorted().toList());
      assertTrue(log.toString().contains("greenlight-rollouts"), log.toString());
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("temporal_"), metrics.body());
      String body = awaitPollSeries(port);
      // The series GreenlightWorkerNotPolling (ops/prometheus/rules/greenlight-health.yml) reads.
      assertTrue(
          body.lines()
              .anyMatch(
                  l ->
                      l.startsWith("temporal_long_request_total{")
                          && l.contains("operation=\"PollWorkflowTaskQueue\"")
                          && l.contains("task_queue=\"greenlight-rollouts\"")),
          body);
      assertTrue(body.contains("\ngreenlight_rollouts_open 0.0\n"), body);
    }
    try (RolloutWorker second =
        RolloutWorker.start(config(0), new PrintWriter(new StringWriter()))) {
      assertEquals(List.of(), second.addedSearchAttributes());
    }
  }

  /** The SDK reports its metrics every 10 s: waits for the first report of its polls. */
  private static String awaitPollSeries(int port) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (body.contains("temporal_long_request_total{") || System.nanoTime() > deadline) {
        return body;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void unreachableTemporalSaysHowToGetOne() throws Exception {
    WorkerConfig c = config(0);
    WorkerConfig nowhere = c.withTemporal(TemporalSettings.plaintext("127.0.0.1:1", "default"));
    var e =
        assertThrows(
            TemporalUnavailableException.class,
            () -> RolloutWorker.start(nowhere, new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().contains("greenlight dev-server"), e.getMessage());
  }
}
