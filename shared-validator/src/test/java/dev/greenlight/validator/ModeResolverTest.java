package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.LogCapture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModeResolverTest {
  private static final String PREFIX = RedisFixture.randomPrefix();
  private static RedisClient writerClient;
  private static RedisClient readerClient;
  private static ModeStore store;

  @BeforeAll
  static void connect() {
    writerClient = RedisFixture.client();
    readerClient = RedisFixture.client();
    store = new ModeStore(writerClient, PREFIX);
  }

  @AfterAll
  static void disconnect() {
    store.close();
    writerClient.shutdown();
    readerClient.shutdown();
  }

  @Test
  void enforceAsDefaultIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModeResolver.builder(readerClient).defaultMode(ValidationMode.ENFORCE));
    assertTrue(e.getMessage().contains("must be off or warn but was enforce"), e.getMessage());
  }

  @Test
  void buildWithoutSurfaceIsRefused() {
    assertThrows(IllegalStateException.class, () -> ModeResolver.builder(readerClient).build());
  }

  @Test
  void resolverThatNeverReachedRedisAnswersTheDefaultNeverEnforce() {
    RedisClient dead = RedisClient.create(RedisFixture.closedPortUrl());
    for (ValidationMode mode : new ValidationMode[] {ValidationMode.OFF, ValidationMode.WARN}) {
      try (ModeResolver resolver =
          ModeResolver.builder(dead)
              .keyPrefix(PREFIX)
              .surface("unreachable")
              .defaultMode(mode)
              .refreshInterval(Duration.ofMillis(20))
              .build()) {
        Await.until(Duration.ofSeconds(5), "fallback noticed", resolver::isFallback);
        ModeRecord answer = resolver.current();
        assertEquals(mode, answer.mode());
        assertEquals(0, answer.version());
      }
    }
    dead.shutdown();
  }

  @Test
  void storedModeIsServedFromTheStartAndShownInMetrics() {
    store.compareAndSet(
        "at-start", 0, new ModeChange(ValidationMode.ENFORCE, 10, "wf", "canary 10 %"));
    PrometheusRegistry registry = new PrometheusRegistry();
    ValidatorMetrics metrics = new ValidatorMetrics(registry, Set.of("create"));
    try (ModeResolver resolver = resolver("at-start", Duration.ofMinutes(1), metrics)) {
      assertEquals(ValidationMode.ENFORCE, resolver.current().mode());
      assertEquals(10, resolver.current().enforcePercent());
      assertFalse(resolver.isFallback());
      assertEquals(2, MetricValues.gauge(registry, "stage_validation_mode", "surface", "at-start"));
      assertEquals(
          10,
          MetricValues.gauge(registry, "stage_validation_enforce_percent", "surface", "at-start"));
    }
  }

  @Test
  void changeWrittenByOneStoreReachesAnotherClientsResolverWithinASecond() {
    // A refresh interval of a minute: only the published message can bring the change in time.
    try (ModeResolver resolver = resolver("published", Duration.ofMinutes(1), null)) {
      assertEquals(0, resolver.current().version());
      for (int version = 1; version <= 5; version++) {
        ValidationMode mode = version % 2 == 0 ? ValidationMode.ENFORCE : ValidationMode.WARN;
        store.compareAndSet(
            "published", version - 1, new ModeChange(mode, version * 10, "wf", "flip " + version));
        long expected = version;
        Await.until(
            Duration.ofSeconds(1),
            "resolver sees version " + version,
            () -> resolver.current().version() == expected);
        assertEquals(mode, resolver.current().mode());
        assertEquals(version * 10, resolver.current().enforcePercent());
      }
    }
  }

  @Test
  void changeWhoseMessageCarriesNoRecordIsReadBackAtOnce() {
    // A multi-line changedBy makes the script publish the short form: version and surface only.
    try (ModeResolver resolver = resolver("short-message", Duration.ofMinutes(1), null)) {
      store.compareAndSet(
          "short-message", 0, new ModeChange(ValidationMode.WARN, 0, "two\nlines", "short form"));
      Await.until(
          Duration.ofSeconds(1), "read after message", () -> resolver.current().version() == 1);
      assertEquals("two\nlines", resolver.current().changedBy());
    }
  }

  @Test
  void periodicRefreshPicksUpAChangeThatWasNotPublished() {
    try (ModeResolver resolver = resolver("unpublished", Duration.ofMillis(50), null);
        StatefulRedisConnection<String, String> raw = writerClient.connect()) {
      raw.sync()
          .hset(
              PREFIX + "mode:unpublished",
              Map.of(
                  "mode", "warn",
                  "percent", "0",
                  "version", "7",
                  "changedBy", "redis-cli",
                  "reason", "by hand",
                  "changedAt", "2026-01-01T00:00:00Z"));
      Await.until(
          Duration.ofSeconds(2), "backstop refresh", () -> resolver.current().version() == 7);
      assertEquals(ValidationMode.WARN, resolver.current().mode());
    }
  }

  /**
   * A record that stops parsing after the resolver read enforce 50 counts as no record: the default
   * is served, not the last-known enforce, with one WARN and a gauge for the episode.
   */
  @Test
  void unreadableRecordAfterEnforceServesTheDefaultLogsOnceAndShowsIt() {
    String surface = "garbled";
    String key = PREFIX + "mode:" + surface;
    store.compareAndSet(surface, 0, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50 %"));
    PrometheusRegistry registry = new PrometheusRegistry();
    ValidatorMetrics metrics = new ValidatorMetrics(registry, Set.of("create"));
    try (LogCapture log = new LogCapture(ModeResolver.class.getName());
        ModeResolver resolver = resolver(surface, Duration.ofMillis(50), metrics);
        StatefulRedisConnection<String, String> raw = writerClient.connect()) {
      assertEquals(ValidationMode.ENFORCE, resolver.current().mode());

      raw.sync().hset(key, "changedAt", "yesterday");
      Await.until(Duration.ofSeconds(2), "default served", () -> resolver.current().version() == 0);
      assertEquals(ValidationMode.OFF, resolver.current().mode());
      double before = fallbacks(registry, surface);
      Await.until(
          Duration.ofSeconds(5),
          "five more unreadable reads",
          () -> fallbacks(registry, surface) >= before + 5);
      assertEquals(ValidationMode.OFF, resolver.current().mode());
      String unreadable = "[stage-mode] mode record for surface garbled is unreadable";
      assertEquals(1, log.messages(Level.WARN, unreadable).size());
      assertTrue(
          log.messages(Level.WARN, unreadable).get(0).contains("'yesterday'"),
          log.messages(Level.WARN, unreadable).get(0));
      assertEquals(1, MetricValues.gauge(registry, "stage_mode_unreadable", "surface", surface));
      assertEquals(0, MetricValues.gauge(registry, "stage_mode_fallback", "surface", surface));
      assertEquals(0, MetricValues.gauge(registry, "stage_validation_mode", "surface", surface));
      assertFalse(resolver.isFallback(), "Redis answers: this is no outage");

      raw.sync().hset(key, "changedAt", "2026-01-19T10:00:00Z");
      Await.until(Duration.ofSeconds(2), "readable again", () -> resolver.current().version() == 1);
      assertEquals(ValidationMode.ENFORCE, resolver.current().mode());
      assertEquals(0, MetricValues.gauge(registry, "stage_mode_unreadable", "surface", surface));
      assertEquals(
          1,
          log.messages(Level.INFO, "[stage-mode] mode record for surface garbled is readable")
              .size());

      raw.sync().del(key);
      raw.sync().set(key, "{\"mode\":\"enforce\",\"percent\":50,");
      Await.until(
          Duration.ofSeconds(2),
          "a key of another type is no record either",
          () -> resolver.current().version() == 0);
      assertEquals(2, log.messages(Level.WARN, unreadable).size());
    }
  }

  private static double fallbacks(PrometheusRegistry registry, String surface) {
    return MetricValues.counter(registry, "stage_mode_fallbacks", "surface", surface);
  }

  private static ModeResolver resolver(String surface, Duration refresh, ValidatorMetrics metrics) {
    ModeResolver.Builder builder =
        ModeResolver.builder(readerClient)
            .keyPrefix(PREFIX)
            .surface(surface)
            .defaultMode(ValidationMode.OFF)
            .refreshInterval(refresh);
    if (metrics != null) {
      builder.metrics(metrics);
    }
    return builder.build();
  }
}
