package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.greenlight.localservices.RedisServer;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.LogCapture;
import io.lettuce.core.RedisClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Redis goes away under a running resolver: it runs its own embedded Redis to stop and start. */
class ModeResolverOutageTest {
  private static final String CONNECT_FAILED = "[stage-mode] Redis connect failed";

  @Test
  void resolverKeepsLastKnownModeThroughAnOutageLogsOnceAndRecovers() {
    String prefix = RedisFixture.randomPrefix();
    PrometheusRegistry registry = new PrometheusRegistry();
    ValidatorMetrics metrics = new ValidatorMetrics(registry, Set.of("create"));
    RedisServer redis = RedisServer.startEmbedded();
    RedisClient writerClient = RedisClient.create(redis.url());
    RedisClient readerClient = RedisClient.create(redis.url());
    try (LogCapture log = new LogCapture(ModeResolver.class.getName());
        ModeStore store = new ModeStore(writerClient, prefix);
        ModeResolver resolver =
            ModeResolver.builder(readerClient)
                .keyPrefix(prefix)
                .surface("companies")
                .defaultMode(ValidationMode.OFF)
                .refreshInterval(Duration.ofMillis(50))
                .timeout(Duration.ofMillis(500))
                .metrics(metrics)
                .build()) {
      store.compareAndSet("companies", 0, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50 %"));
      Await.until(Duration.ofSeconds(2), "first record", () -> resolver.current().version() == 1);

      redis.stop();
      Await.until(Duration.ofSeconds(5), "outage noticed", resolver::isFallback);
      // Let several more refreshes fail: the outage must still be logged once.
      Await.until(Duration.ofSeconds(10), "five fallbacks counted", () -> fallbacks(registry) >= 5);
      assertEquals(1.0, inFallback(registry), "the gauge shows the outage");
      assertEquals(ValidationMode.ENFORCE, resolver.current().mode());
      assertEquals(50, resolver.current().enforcePercent());
      assertEquals(1, resolver.current().version());
      assertEquals(1, log.messages(Level.WARN, CONNECT_FAILED).size());
      assertTrue(
          log.messages(Level.WARN, CONNECT_FAILED).get(0).contains("last-known mode enforce"),
          log.messages(Level.WARN, CONNECT_FAILED).get(0));

      redis.start();
      Await.until(Duration.ofSeconds(10), "recovery", () -> !resolver.isFallback());
      assertEquals(1, log.messages(Level.INFO, "[stage-mode] Redis reachable again").size());
      long fallbacksAfterRecovery = (long) fallbacks(registry);
      assertEquals(0.0, inFallback(registry), "the gauge shows the recovery");

      // Embedded Redis persists nothing, so the record is gone: the store starts again at 0.
      store.compareAndSet("companies", 0, new ModeChange(ValidationMode.ENFORCE, 20, "wf", "20 %"));
      Await.until(
          Duration.ofSeconds(2),
          "change after recovery",
          () -> resolver.current().enforcePercent() == 20);
      assertEquals(ValidationMode.ENFORCE, resolver.current().mode());
      assertFalse(resolver.isFallback());
      assertEquals(1, log.messages(Level.WARN, CONNECT_FAILED).size());
      assertEquals(fallbacksAfterRecovery, (long) fallbacks(registry));
    } finally {
      writerClient.shutdown();
      readerClient.shutdown();
      redis.close();
    }
  }

  @Test
  void secondOutageIsLoggedAgain() {
    RedisServer redis = RedisServer.startEmbedded();
    RedisClient client = RedisClient.create(redis.url());
    try (LogCapture log = new LogCapture(ModeResolver.class.getName());
        ModeResolver resolver =
            ModeResolver.builder(client)
                .keyPrefix(RedisFixture.randomPrefix())
                .surface("twice")
                .refreshInterval(Duration.ofMillis(50))
                .timeout(Duration.ofMillis(500))
                .build()) {
      for (int outage = 1; outage <= 2; outage++) {
        redis.stop();
        Await.until(Duration.ofSeconds(5), "outage " + outage, resolver::isFallback);
        redis.start();
        Await.until(Duration.ofSeconds(10), "recovery " + outage, () -> !resolver.isFallback());
        assertEquals(outage, log.messages(Level.WARN, CONNECT_FAILED).size());
      }
    } finally {
      client.shutdown();
      redis.close();
    }
  }

  private static double inFallback(PrometheusRegistry registry) {
    return MetricValues.gauge(registry, "stage_mode_fallback", "surface", "companies");
  }

  private static double fallbacks(PrometheusRegistry registry) {
    return MetricValues.counter(registry, "stage_mode_fallbacks", "surface", "companies");
  }
}
