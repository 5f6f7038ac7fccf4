package dev.greenlight.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration files the stack's servers read, written into the test's directory: test copies
 * of the shipped rules and Alertmanager config (compressed timings, loopback addresses), a
 * Prometheus config, the webhook's token and an access log of internal consumers only.
 */
final class StackFiles {
  static final String WEBHOOK_TOKEN = "e2e-webhook-token";

  /** How long StageEnforceUnknownRateHigh holds in the suite: longer than any test sends junk. */
  static final String ENFORCE_UNKNOWN_HOLD = "5m";

  private StackFiles() {}

  /**
   * The shipped rules with the plan's compression: 5-minute rates over 10 seconds, each {@code
   * for:} in seconds instead of minutes (StageEnforceErrorSpike holds 2s instead of 2m) — except
   * StageEnforceUnknownRateHigh, which holds {@value #ENFORCE_UNKNOWN_HOLD}: RollbackEndToEndTest
   * sends 10 % unknown stages for the half minute before its error spike, and is about the spike.
   */
  static void rules(Path dir) throws IOException {
    String shipped = Files.readString(RepoFiles.RULES);
    String fast = shipped.replace("[5m]", "[10s]").replaceAll("for: (\\d+)m", "for: $1s");
    int unknownAlert = fast.indexOf("alert: StageEnforceUnknownRateHigh");
    int hold = unknownAlert < 0 ? -1 : fast.indexOf("for: 10s", unknownAlert);
    if (fast.contains("[5m]") || !fast.contains("for: 2s") || hold < 0) {
      throw new IllegalStateException("the shipped rules changed shape; update StackFiles.rules");
    }
    fast =
        fast.substring(0, hold)
            + "for: "
            + ENFORCE_UNKNOWN_HOLD
            + fast.substring(hold + "for: 10s".length());
    Files.writeString(dir.resolve("rules.yml"), fast);
  }

  static void prometheus(Path dir, int apiPort, int alertmanagerPort) throws IOException {
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
          - job_name: reference-api
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(alertmanagerPort, apiPort));
  }

  /** The shipped config, pointed at the stack's webhook and token file. */
  static void alertmanager(Path dir, int webhookPort) throws IOException {
    Path token = dir.resolve("webhook-token");
    Files.writeString(token, WEBHOOK_TOKEN);
    String shipped = Files.readString(RepoFiles.ALERTMANAGER);
    String local =
        shipped
            .replace(
                "http://greenlight-ops:8088/ops/alertmanager",
                "http://127.0.0.1:" + webhookPort + "/ops/alertmanager")
            .replace("/etc/greenlight/ops-webhook-token", token.toString());
    if (!local.contains("127.0.0.1:" + webhookPort) || !local.contains(token.toString())) {
      throw new IllegalStateException("the shipped Alertmanager config changed shape");
    }
    Files.writeString(dir.resolve("alertmanager.yml"), local);
  }

  /** The log the plan's consumer audit reads ({@code accessLog: access.log}, worker's cwd). */
  static void accessLog(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("access.log"),
        "127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET /companies?stage=seed HTTP/1.1\" 200 12"
            + " \"-\" \"greenlight/e2e-load\"\n");
  }
}
