package dev.greenlight.referenceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import dev.greenlight.validator.CanaryBucket;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforce at 30 %: a thousand consumers send unknown stages; about 30 % of them are refused, each
 * consistently, and exactly those whose canary bucket is below 30.
 */
class CanaryEnforcementTest {
  private static final int CONSUMERS = 1_000;
  private static final int REQUESTS_PER_CONSUMER = 3;
  private static final int PERCENT = 30;

  private static ApiRig rig;

  @BeforeAll
  static void start() {
    rig = ApiRig.onScratchDatabase("gl_refapi_canary", TestServices.redis().url());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void enforceAtThirtyPercentRejectsAboutThirtyPercentOfConsumersEachStickily() {
    rig.setMode(ValidationMode.ENFORCE, PERCENT);
    LoadPlan plan =
        LoadPlan.to(rig.base)
            .withBounds(CONSUMERS * REQUESTS_PER_CONSUMER, Duration.ofSeconds(60))
            .withConsumers(CONSUMERS, "canary-", 8)
            .withStageMix(0, 0, 1)
            .withEndpointMix(2, 1, 1);

    LoadReport report = LoadGenerator.run(plan);
    System.out.println("canary load: " + report);

    assertEquals(LoadReport.StopReason.COUNT, report.stoppedBy(), report.toString());
    assertEquals(0, report.transportErrors(), report.toString());
    assertEquals(0, report.serverErrors(), report.toString());
    assertEquals(CONSUMERS, report.consumers().size());
    double share = report.enforcedConsumerShare();
    assertTrue(Math.abs(share - 0.30) <= 0.05, "enforced share " + share + " not 30 % ± 5 %");
    for (Map.Entry<String, LoadReport.ConsumerOutcome> consumer : report.consumers().entrySet()) {
      LoadReport.ConsumerOutcome outcome = consumer.getValue();
      assertEquals(REQUESTS_PER_CONSUMER, outcome.unknownSent(), consumer.getKey());
      assertTrue(outcome.sticky(), consumer.getKey() + " got mixed answers: " + outcome);
      assertEquals(
          CanaryBucket.isEnforced(consumer.getKey(), PERCENT),
          outcome.enforced(),
          consumer.getKey() + " bucket " + CanaryBucket.of(consumer.getKey()));
    }
    ScrapedMetrics metrics = rig.scrape();
    assertEquals(
        report.count(422), metrics.sum("http_requests_total", "status", "422"), "422s counted");
    assertEquals(
        report.count(422),
        metrics.sum("stage_enforce_rejections_total"),
        "every 422 was a validator rejection");
  }
}
