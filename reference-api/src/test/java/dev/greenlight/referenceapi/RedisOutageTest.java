package dev.greenlight.referenceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.greenlight.localservices.RedisServer;
import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.LogCapture;
import dev.greenlight.validator.CanaryBucket;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis stops under canary load: the API keeps answering with the last-known mode, causes no 5xx,
 * counts its fallbacks, logs the outage once, and follows a new mode once Redis is back — all
 * without a restart. The test owns an embedded Redis so the outage disturbs nothing else.
 *
 * <p>The outage lasts {@code -Dgreenlight.redisOutageSeconds} (default 10; the 30 s is the
 * same test with {@code -Dgreenlight.redisOutageSeconds=30}).
 */
class RedisOutageTest {
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("greenlight.redisOutageSeconds", 10));
  private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(1);
  private static final int PERCENT = 30;
  private static final String CONNECT_FAILED = "[stage-mode] Redis connect failed";

  private static RedisServer redis;
  private static ApiRig rig;

  @BeforeAll
  static void start() {
    redis = RedisServer.startEmbedded();
    rig = ApiRig.onScratchDatabase("gl_refapi_redis", redis.url());
  }

  @AfterAll
  static void stop() {
    rig.close();
    redis.close();
  }

  @Test
  void apiServesLastKnownModeThroughAnOutageWithoutServerErrorsAndFollowsTheNextFlip()
      throws Exception {
    rig.setMode(ValidationMode.ENFORCE, PERCENT);
    LoadPlan plan =
        LoadPlan.to(rig.base)
            .withBounds(1_000_000, BEFORE_OUTAGE.plus(OUTAGE).minusMillis(500))
            .withConsumers(200, "outage-", 4)
            .withStageMix(1, 1, 2)
            .withEndpointMix(2, 1, 1);
    double fallbacksBefore = fallbacks();

    try (LogCapture log = new LogCapture(ModeResolver.class)) {
      CompletableFuture<LoadReport> load =
          CompletableFuture.supplyAsync(() -> LoadGenerator.run(plan));
      Thread.sleep(BEFORE_OUTAGE.toMillis());
      redis.stop();
      Await.until(Duration.ofSeconds(5), "the resolver notices", rig.resolver::isFallback);
      LoadReport report = load.get();
      System.out.println("load through the Redis outage of " + OUTAGE + ": " + report);

      assertEquals(ValidationMode.ENFORCE, rig.resolver.current().mode(), "last-known mode kept");
      assertEquals(0, report.serverErrors(), report.toString());
      assertEquals(0, report.transportErrors(), report.toString());
      assertTrue(report.count(422) > 0, "enforcement went on during the outage: " + report);
      for (Map.Entry<String, LoadReport.ConsumerOutcome> consumer : report.consumers().entrySet()) {
        assertTrue(consumer.getValue().sticky(), consumer.getKey() + ": " + consumer.getValue());
        assertEquals(
            CanaryBucket.isEnforced(consumer.getKey(), PERCENT),
            consumer.getValue().enforced(),
            consumer.getKey());
      }
      // The refresher retries every 100 ms, so a 10 s outage fails dozens of refreshes.
      assertTrue(fallbacks() - fallbacksBefore >= 10, "fallbacks counted: " + fallbacks());
      assertEquals(1, log.messages(Level.WARN, CONNECT_FAILED).size(), "one WARN per outage");

      redis.start();
      Await.until(
          Duration.ofSeconds(10), "the resolver recovers", () -> !rig.resolver.isFallback());
      // Embedded Redis keeps nothing across a restart, so the next record starts at version 1.
      rig.store.compareAndSet(
          ApiRig.SURFACE, 0, new ModeChange(ValidationMode.WARN, 0, "test", "downgrade"));
      Await.until(
          Duration.ofSeconds(5),
          "the API follows the flip to warn",
          () -> rig.resolver.current().mode() == ValidationMode.WARN);
      String enforcedConsumer = firstEnforced(report);
      assertEquals(
          201,
          rig.post(enforcedConsumer, "{\"name\":\"after\",\"stage\":\"stealth\"}").statusCode(),
          "an unknown value from a consumer enforced before is accepted in warn");
      assertEquals(1, log.messages(Level.WARN, CONNECT_FAILED).size());
    }
  }

  private static String firstEnforced(LoadReport report) {
    return report.consumers().entrySet().stream()
        .filter(e -> e.getValue().enforced())
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static double fallbacks() {
    return rig.scrape().sum("stage_mode_fallbacks_total", "surface", ApiRig.SURFACE);
  }
}
