package dev.greenlight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.rollout.gates.Sample;
import dev.greenlight.testsupport.Closeables;
import dev.greenlight.testsupport.PrometheusProcess;
import dev.greenlight.testsupport.ScrapeTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The happy path against a real Prometheus: it scrapes a tiny target serving a fixed gauge, and the
 * source reads that gauge back through both endpoints. Needs the {@code prometheus} binary (Debian
 * package {@code prometheus}; {@code .ci/run} installs it).
 */
class PrometheusMetricSourceRealTest {
  private static final String EXPOSITION =
      "# TYPE greenlight_probe_value gauge\n"
          + "greenlight_probe_value{series=\"a\"} 0.25\n"
          + "greenlight_probe_value{series=\"b\"} 0.75\n";

  private static ScrapeTarget target;
  private static PrometheusProcess prometheus;
  private static OkHttpClient client;
  private static PrometheusMetricSource source;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(ExternalTools.present("prometheus"), ExternalTools.skipReason("prometheus"));
    target = ScrapeTarget.serving(EXPOSITION);
    prometheus = PrometheusProcess.scraping(target.port());
    client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    source = new PrometheusMetricSource(client, prometheus.url());
    AwaitScrape.untilValue(source, "sum(greenlight_probe_value)", v -> v == 1.0, prometheus);
  }

  @AfterAll
  static void stop() throws Exception {
    Closeables.closeAll(prometheus, target);
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  @Test
  void instantReadsTheScrapedValue() {
    assertEquals(0.75, source.instant("greenlight_probe_value{series=\"b\"}", Instant.now()));
  }

  @Test
  void rangeReadsOneSamplePerStepOfTheScrapedSeries() throws InterruptedException {
    Thread.sleep(2100); // at least three 1s scrapes behind us
    Instant to = Instant.now();
    List<Sample> samples =
        source.range("sum(greenlight_probe_value)", to.minusSeconds(2), to, Duration.ofSeconds(1));
    assertEquals(3, samples.size(), () -> "samples " + samples);
    samples.forEach(s -> assertEquals(1.0, s.value(), 1e-9));
    assertEquals(to.minusSeconds(2).toEpochMilli(), samples.get(0).epochMillis());
  }

  @Test
  void seriesThatNeverExistedAreNoData() {
    assertTrue(Double.isNaN(source.instant("greenlight_no_such_metric", Instant.now())));
    Instant to = Instant.now();
    assertEquals(
        List.of(),
        source.range("greenlight_no_such_metric", to.minusSeconds(5), to, Duration.ofSeconds(1)));
  }

  @Test
  void twoSeriesAreRefused() {
    MetricReadException e =
        assertThrows(
            MetricReadException.class,
            () -> source.instant("greenlight_probe_value", Instant.now()));
    assertTrue(e.getMessage().contains("returned 2 series"), e.getMessage());
  }

  @Test
  void syntaxErrorCarriesPrometheusBadData() {
    MetricReadException e =
        assertThrows(
            MetricReadException.class, () -> source.instant("sum(rate(x[5m])", Instant.now()));
    assertTrue(e.getMessage().contains("HTTP 400, bad_data: "), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }
}
