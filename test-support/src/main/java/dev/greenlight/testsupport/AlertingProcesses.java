package dev.greenlight.testsupport;

import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of a test's own Prometheus and Alertmanager (Debian's binaries), run in the
 * directory {@link AlertingFiles} wrote their configs to, on loopback only.
 */
public final class AlertingProcesses {
  private AlertingProcesses() {}

  /** The binaries the commands run, for {@code ExternalTools.present}. */
  public static final String[] TOOLS = {"prometheus", "prometheus-alertmanager"};

  /** Alertmanager on {@code 127.0.0.1:port}, data in {@code dir/am-data}, no cluster. */
  public static List<String> alertmanager(Path dir, int port) {
    return List.of(
        "prometheus-alertmanager",
        "--config.file=alertmanager.yml",
        "--storage.path=" + dir.resolve("am-data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=");
  }

  /** Prometheus on {@code 127.0.0.1:port}, its TSDB in {@code dir/prom-data}. */
  public static List<String> prometheus(Path dir, int port) {
    return List.of(
        "prometheus",
        "--config.file=prometheus.yml",
        "--storage.tsdb.path=" + dir.resolve("prom-data"),
        "--web.listen-address=127.0.0.1:" + port);
  }
}
