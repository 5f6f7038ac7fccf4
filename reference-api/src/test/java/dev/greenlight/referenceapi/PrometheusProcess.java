package dev.greenlight.referenceapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code prometheus} binary on a free loopback port, scraping one target's {@code /metrics}
 * every second, with its config, data and log in a temporary directory that {@link #close()}
 * deletes after stopping the process. The same pattern as activities' test helper of this name.
 */
final class PrometheusProcess implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final int port;

  private PrometheusProcess(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code http://127.0.0.1:<targetPort>/metrics} every second. */
  static PrometheusProcess scraping(int targetPort) throws IOException {
    Path dir = Files.createTempDirectory("greenlight-refapi-prometheus");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: reference-api
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(targetPort));
    int port = freePort();
    Process process =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    return new PrometheusProcess(process, dir, port);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
