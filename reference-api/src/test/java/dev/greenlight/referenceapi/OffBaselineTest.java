package dev.greenlight.referenceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.metrics.MetricReadException;
import dev.greenlight.metrics.PrometheusMetricSource;
import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.PrometheusProcess;
import dev.greenlight.testsupport.RepoFiles;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OFF phase's baseline, measured for real: the reference API in mode off takes junk traffic
 * from the load generator, a real Prometheus scrapes it, and the rollout plan's own {@code
 * off.unknownBaselineQuery}, evaluated by that Prometheus, reads the share of unknown stages the
 * load sent. Needs the {@code prometheus} binary (Debian package {@code prometheus}).
 */
class OffBaselineTest {
  /** Two unknown values in ten: stage mix 7 canonical, 1 alias, 2 unknown. */
  private static final double JUNK_WEIGHT_SHARE = 0.2;

  private static ApiRig rig;
  private static PrometheusProcess prometheus;
  private static OkHttpClient http;
  private static PrometheusMetricSource source;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(ExternalTools.present("prometheus"), ExternalTools.skipReason("prometheus"));
    rig = ApiRig.onScratchDatabase("gl_refapi_off_baseline", TestServices.redis().url());
    rig.setMode(ValidationMode.OFF, 0);
    prometheus = PrometheusProcess.scraping(rig.api.port());
    http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
    source = new PrometheusMetricSource(http, prometheus.url());
    // Every counter is scraped at 0 before any load, so the rates start from a known zero.
    awaitScraped("the first scrape of the API", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void planBaselineQueryReadsTheJunkShareOfTrafficInModeOff() {
    LoadReport report =
        LoadGenerator.run(
            LoadPlan.to(rig.base)
                .withBounds(2_000, Duration.ofSeconds(60))
                .withConsumers(50, "off-baseline-", 4)
                .withStageMix(7, 1, 2));
    long answered = report.statusCounts().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(report.requests(), answered, "every request answered: " + report);
    assertEquals(answered, report.count(200) + report.count(201), "off refuses nothing: " + report);
    long junk = report.consumers().values().stream().mapToLong(c -> c.unknownSent()).sum();
    double junkShare = (double) junk / answered;

    double validated = rig.scrape().sum("stage_validation_requests_total", "mode", "off");
    assertEquals(answered, validated, "one validation per request");
    awaitScraped("Prometheus to scrape the API's final counts", validated);

    String query = plan().off().unknownBaselineQuery();
    double baseline = source.instant(query, Instant.now());
    System.out.printf(
        "off baseline: %s = %.4f; junk sent %d of %d (%.4f)%n",
        query, baseline, junk, answered, junkShare);
    assertTrue(baseline > 0, "the baseline must measure unknowns, read " + baseline);
    assertEquals(junkShare, baseline, 0.005, "baseline against the junk the load sent");
    assertEquals(JUNK_WEIGHT_SHARE, baseline, 0.05, "baseline against the load's stage mix");
  }

  /** Waits until Prometheus' latest scrape shows {@code count} off validations in all. */
  private static void awaitScraped(String what, double count) {
    String query = "sum(stage_validation_requests_total{mode=\"off\"})";
    Await.until(
        Duration.ofSeconds(40),
        what + " (" + query + " == " + count + ")",
        () -> {
          if (!prometheus.isAlive()) {
            throw new AssertionError("prometheus exited:\n" + prometheus.log());
          }
          try {
            return source.instant(query, Instant.now()) == count;
          } catch (MetricReadException e) {
            return false; // not listening yet
          }
        });
  }

  private static RolloutPlan plan() {
    return new PlanParser().parse(RepoFiles.v34Plan());
  }
}
