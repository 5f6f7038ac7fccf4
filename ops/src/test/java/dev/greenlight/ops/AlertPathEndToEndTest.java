package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.testsupport.AlertingFiles;
import dev.greenlight.testsupport.AlertingProcesses;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.Ports;
import dev.greenlight.testsupport.ScrapeTarget;
import dev.greenlight.testsupport.ServiceProcess;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
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
    assumeTrue(
        ExternalTools.present(AlertingProcesses.TOOLS),
        ExternalTools.skipReason(AlertingProcesses.TOOLS));
    ScrapeTarget api = apiStandIn();
    try (WebhookRig rig = new WebhookRig()) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      int alertmanagerPort = Ports.free();
      // 5-second windows and 1-second holds, so the test takes seconds.
      AlertingFiles.writeRules(dir, AlertingFiles.compressedRules("5s", "for: 1s"));
      AlertingFiles.writePrometheusConfig(dir, "api", api.port(), alertmanagerPort);
      AlertingFiles.writeAlertmanagerConfig(dir, rig.server.port(), "token", WebhookClient.TOKEN_A);
      try (ServiceProcess alertmanager =
              ServiceProcess.start(
                  dir, "alertmanager", AlertingProcesses.alertmanager(dir, alertmanagerPort));
          ServiceProcess prometheus =
              ServiceProcess.start(
                  dir, "prometheus", AlertingProcesses.prometheus(dir, Ports.free()))) {
        Supplier<String> logs = () -> prometheus.log() + "\n" + alertmanager.log();
        long start = System.nanoTime();
        ModeRecord mode =
            Await.until(
                DEADLINE,
                "Redis to show warn",
                () -> {
                  ModeRecord current = rig.mode();
                  return current.mode() == ValidationMode.WARN ? current : null;
                },
                logs);
        assertEquals("ops-webhook", mode.changedBy());
        assertTrue(mode.reason().contains("StageEnforceErrorSpike"), mode.reason());
        List<String> alerts =
            Await.until(
                DEADLINE,
                "the rollout to record the alert",
                () -> rig.rollout.alerts().isEmpty() ? null : rig.rollout.alerts(),
                logs);
        assertTrue(alerts.get(0).contains("StageEnforceErrorSpike"), alerts.toString());
        System.out.printf(
            "alert path: warn in Redis %d ms after the stand-in started failing%n",
            Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
    } finally {
      api.close();
    }
  }

  /** 10 % of requests fail on every scrape, and the mode gauge says enforce. */
  private ScrapeTarget apiStandIn() throws Exception {
    return ScrapeTarget.serving(
        () -> {
          long good = ok.addAndGet(90);
          long bad = errors.addAndGet(10);
          return "# TYPE http_requests_total counter\n"
              + "http_requests_total{status=\"200\"} "
              + good
              + "\nhttp_requests_total{status=\"500\"} "
              + bad
              + "\n# TYPE stage_validation_mode gauge\n"
              + "stage_validation_mode{surface=\"stage-validation\"} 2\n";
        });
  }
}
