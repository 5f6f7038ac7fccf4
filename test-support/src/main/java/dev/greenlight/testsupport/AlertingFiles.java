package dev.greenlight.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a test's own Prometheus and Alertmanager read, written into the test's directory: a
 * time-compressed copy of the shipped rules, a Prometheus config scraping one target, and the
 * shipped Alertmanager config pointed at a loopback webhook. Started by {@link AlertingProcesses}.
 */
public final class AlertingFiles {
  private AlertingFiles() {}

  /**
   * The shipped rules with every {@code [5m]} window made {@code [window]} and every {@code for:
   * Nm} rewritten by {@code holdReplacement} (a regex replacement, {@code $1} being N), so an alert
   * fires in seconds. Fails when the shipped rules no longer have the shape this rewrites.
   */
  public static String compressedRules(String window, String holdReplacement) throws IOException {
    String shipped = Files.readString(RepoFiles.rules());
    String fast =
        shipped.replace("[5m]", "[" + window + "]").replaceAll("for: (\\d+)m", holdReplacement);
    if (fast.contains("[5m]") || fast.matches("(?s).*for: \\d+m.*") || fast.equals(shipped)) {
      throw new IllegalStateException("the shipped rules changed shape; update compressedRules");
    }
    return fast;
  }

  /** Writes {@code rules.yml} into {@code dir}. */
  public static void writeRules(Path dir, String rules) throws IOException {
    Files.writeString(dir.resolve("rules.yml"), rules);
  }

  /**
   * {@code prometheus.yml}: scrapes {@code 127.0.0.1:targetPort} as job {@code job} every second,
   * evaluates {@code rules.yml} every second and alerts to {@code 127.0.0.1:alertmanagerPort}.
   */
  public static void writePrometheusConfig(
      Path dir, String job, int targetPort, int alertmanagerPort) throws IOException {
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
          - job_name: %s
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(alertmanagerPort, job, targetPort));
  }

  /**
   * {@code alertmanager.yml}: the shipped config, its receiver pointed at the webhook on {@code
   * 127.0.0.1:webhookPort} and its bearer token read from {@code dir/tokenFile}, written with
   * {@code token}.
   */
  public static void writeAlertmanagerConfig(
      Path dir, int webhookPort, String tokenFile, String token) throws IOException {
    Path tokenPath = dir.resolve(tokenFile);
    Files.writeString(tokenPath, token);
    String shipped = Files.readString(RepoFiles.alertmanagerConfig());
    String local =
        shipped
            .replace(
                "http://greenlight-ops:8088/ops/alertmanager",
                "http://127.0.0.1:" + webhookPort + "/ops/alertmanager")
            .replace("/etc/greenlight/ops-webhook-token", tokenPath.toString());
    if (!local.contains("127.0.0.1:" + webhookPort) || !local.contains(tokenPath.toString())) {
      throw new IllegalStateException("the shipped Alertmanager config changed shape");
    }
    Files.writeString(dir.resolve("alertmanager.yml"), local);
  }
}
