package dev.greenlight.e2e;

import dev.greenlight.testsupport.AlertingFiles;
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
    String fast = AlertingFiles.compressedRules("10s", "for: $1s");
    int unknownAlert = fast.indexOf("alert: StageEnforceUnknownRateHigh");
    int hold = unknownAlert < 0 ? -1 : fast.indexOf("for: 10s", unknownAlert);
    if (!fast.contains("for: 2s") || hold < 0) {
      throw new IllegalStateException("the shipped rules changed shape; update StackFiles.rules");
    }
    fast =
        fast.substring(0, hold)
            + "for: "
            + ENFORCE_UNKNOWN_HOLD
            + fast.substring(hold + "for: 10s".length());
    AlertingFiles.writeRules(dir, fast);
  }

  static void prometheus(Path dir, int apiPort, int alertmanagerPort) throws IOException {
    AlertingFiles.writePrometheusConfig(dir, "reference-api", apiPort, alertmanagerPort);
  }

  /** The shipped config, pointed at the stack's webhook and token file. */
  static void alertmanager(Path dir, int webhookPort) throws IOException {
    AlertingFiles.writeAlertmanagerConfig(dir, webhookPort, "webhook-token", WEBHOOK_TOKEN);
  }

  /** The log the plan's consumer audit reads ({@code accessLog: access.log}, worker's cwd). */
  static void accessLog(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("access.log"),
        "127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] \"GET /companies?stage=seed HTTP/1.1\" 200 12"
            + " \"-\" \"greenlight/e2e-load\"\n");
  }
}
