package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alert path on loopback with the real tools: Prometheus scrapes an API stand-in whose
 * 5xx rate is 10 % while enforcing, evaluates a test copy of the shipped rules (short {@code for:}
 * and windows), fires {@code StageEnforceErrorSpike} to Alertmanager running the shipped config
 * (pointed at this webhook), which calls the webhook: Redis shows {@code warn} and the parked real
 * rollout records the alert. Bounded by a 90-second deadline; every process is killed at the end.
 */
class AlertPathEndToEndTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  @Test
  void errorSpikeWhileEnforcingEndsInWarnAndASignal(@TempDir Path dir) throws Exception {
    String[] tools = {"prometheus", "prometheus-alertmanager"};
    assumeTrue(ExternalTools.present(tools), ExternalTools.skipReason(tools));
    HttpServer api = apiStandIn();
    try (WebhookRig rig = new WebhookRig()) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      int alertmanagerPort = ServiceProcess.freePort();
      writeRules(dir);
      writePrometheusConfig(dir, api.getAddress().getPort(), alertmanagerPort);
      writeAlertmanagerConfig(dir, rig.server.port());
      try (ServiceProcess alertmanager =
              ServiceProcess.start(
                  dir,
                  "alertmanager",
                  List.of(
                      "prometheus-alertmanager",
                      "--config.file=alertmanager.yml",
                      "--storage.path=" + dir.resolve("am-data"),
                      "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                      "--cluster.listen-address="));
          ServiceProcess prometheus =
              ServiceProcess.start(
                  dir,
                  "prometheus",
                  List.of(
                      "prometheus",
                      "--config.file=prometheus.yml",
                      "--storage.tsdb.path=" + dir.resolve("prom-data"),
                      "--web.listen-address=127.0.0.1:" + ServiceProcess.freePort()))) {
        Supplier<String> logs = () -> prometheus.log() + "\n" + alertmanager.log();
        long start = System.nanoTime();
        ModeRecord mode =
            await(
                () -> {
                  ModeRecord current = rig.mode();
                  return current.mode() == ValidationMode.WARN ? current : null;
                },
                "Redis to show warn",
                logs);
        assertEquals("ops-webhook", mode.changedBy());
        assertTrue(mode.reason().contains("StageEnforceErrorSpike"), mode.reason());
        List<String> alerts =
            await(
                () -> rig.rollout.alerts().isEmpty() ? null : rig.rollout.alerts(),
                "the rollout to record the alert",
                logs);
        assertTrue(alerts.get(0).contains("StageEnforceErrorSpike"), alerts.toString());
        System.out.printf(
            "alert path: warn in Redis %d ms after the stand-in started failing%n",
            Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
    } finally {
      api.stop(0);
    }
  }

  /** 10 % of requests fail on every scrape, and the mode gauge says enforce. */
  private HttpServer apiStandIn() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          long good = ok.addAndGet(90);
          long bad = errors.addAndGet(10);
          String text =
              "# TYPE http_requests_total counter\n"
                  + "http_requests_total{status=\"200\"} "
                  + good
                  + "\nhttp_requests_total{status=\"500\"} "
                  + bad
                  + "\n# TYPE stage_validation_mode gauge\n"
                  + "stage_validation_mode{surface=\"stage-validation\"} 2\n";
          byte[] body = text.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** The shipped rules with 5-second windows and 1-second holds, so the test takes seconds. */
  private static void writeRules(Path dir) throws Exception {
    String rules = Files.readString(StageValidationRulesTest.RULES);
    String fast = rules.replace("[5m]", "[5s]").replaceAll("for: \\d+m", "for: 1s");
    assertTrue(fast.contains("for: 1s") && !fast.contains("[5m]"), "rules did not shorten");
    Files.writeString(dir.resolve("rules.yml"), fast);
  }

  private static void writePrometheusConfig(Path dir, int apiPort, int alertmanagerPort)
      throws Exception {
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: [rules.yml]
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ['127.0.0.1:%d']
        scrape_configs:
          - job_name: api
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(alertmanagerPort, apiPort));
  }

  /** The shipped config, pointed at this webhook and a token file of this test. */
  private static void writeAlertmanagerConfig(Path dir, int webhookPort) throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, WebhookClient.TOKEN_A);
    String config = Files.readString(StageValidationRulesTest.ALERTMANAGER);
    String local =
        config
            .replace(
                "http://greenlight-ops:8088/ops/alertmanager",
                "http://127.0.0.1:" + webhookPort + "/ops/alertmanager")
            .replace("/etc/greenlight/ops-webhook-token", token.toString());
    assertTrue(local.contains("127.0.0.1:" + webhookPort) && local.contains(token.toString()));
    Files.writeString(dir.resolve("alertmanager.yml"), local);
  }

  private static <T> T await(Supplier<T> probe, String what, Supplier<String> logs)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    fail("gave up after " + DEADLINE.toSeconds() + "s waiting for " + what + "\n" + logs.get());
    return null;
  }
}
