package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.metrics.MetricReadException;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.testsupport.PrometheusProcess;
import dev.greenlight.testsupport.ScrapeTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * A real Prometheus scraping a target serving {@link GateSeries}: the fixture of the {@code plan
 * gates} tests, plain or secured. Closing it stops Prometheus, then the target.
 */
final class ScrapedGates implements AutoCloseable {
  /** How a test launches its Prometheus (plain, or behind TLS and basic auth) on the target. */
  interface Launcher {
    PrometheusProcess scraping(int targetPort) throws Exception;
  }

  private final ScrapeTarget target;
  private final PrometheusProcess prometheus;

  private ScrapedGates(ScrapeTarget target, PrometheusProcess prometheus) {
    this.target = target;
    this.prometheus = prometheus;
  }

  /** Starts the target, then Prometheus on it; a launch that fails leaves no target running. */
  static ScrapedGates start(Launcher launcher) throws Exception {
    ScrapeTarget target = ScrapeTarget.serving(new GateSeries());
    try {
      return new ScrapedGates(target, launcher.scraping(target.port()));
    } catch (Exception | Error e) {
      target.close();
      throw e;
    }
  }

  PrometheusProcess prometheus() {
    return prometheus;
  }

  /**
   * Waits until Prometheus has two scrapes of the target, so rates have values; reads through the
   * settings {@code env} names, as the CLI would.
   */
  void awaitRates(Map<String, String> env) throws Exception {
    PrometheusConnection connection = PrometheusConnection.fromEnv(prometheus.url(), env);
    OkHttpClient client = connection.newHttpClient(Duration.ofSeconds(5));
    try {
      MetricSource source = connection.metricSource(client);
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      String last = "nothing yet";
      while (System.nanoTime() < deadline) {
        try {
          double rate = source.instant("sum(rate(http_requests_total[5m]))", Instant.now());
          if (rate > 0) {
            return;
          }
          last = "rate " + rate;
        } catch (MetricReadException e) {
          last = e.getMessage();
        }
        Thread.sleep(250);
      }
      fail("no rates within 40 s; last: " + last + "\n" + prometheus.log());
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      prometheus.close();
    } finally {
      target.close();
    }
  }
}
