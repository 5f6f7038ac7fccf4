package dev.greenlight.ops;

import static dev.greenlight.ops.WebhookClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.RedisServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.testsupport.Ports;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When Redis or Temporal cannot be reached or refuses, the webhook still tells the rollout what it
 * can and answers 503, leaving the delivery unclaimed, so Alertmanager's retry acts.
 */
class WebhookOutageTest {
  private static final String FIRING =
      payload("outage-group", "firing", "StageEnforceErrorSpike", "fp-outage");

  @Test
  void redisDownStillSignalsTheRolloutAnswers503AndTheRetryActsOnceItIsBack() throws Exception {
    try (RedisServer redis = RedisServer.startEmbedded();
        WebhookRig rig = new WebhookRig(redis.url())) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      redis.stop();
      HttpResponse<String> down = rig.client.withToken(FIRING);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("\"error\":\"unavailable\""), down.body());
      assertTrue(down.body().contains("Redis unavailable"), down.body());
      // The rollout is told although warn could not be written: it can downgrade by itself.
      List<AlertSignal> signals = rig.rollout.signals(1);
      assertEquals(1, signals.size(), signals.toString());
      assertFalse(signals.get(0).modeAlreadyWritten(), signals.toString());

      redis.start(); // empty again: the embedded server persists nothing
      rig.setMode(ValidationMode.ENFORCE, 10);
      HttpResponse<String> retry = rig.client.withToken(FIRING);
      assertEquals(200, retry.statusCode(), retry.body());
      assertTrue(retry.body().contains("\"modeWritten\":true"), retry.body());
      assertEquals(ValidationMode.WARN, rig.mode().mode());
      signals = rig.rollout.signals(2);
      assertEquals(2, signals.size(), signals.toString());
      assertTrue(signals.get(1).modeAlreadyWritten(), signals.toString());
    }
  }

  /**
   * Redis answers but refuses the write (here: out of memory). The old webhook answered 500 and
   * kept the delivery claimed, so Alertmanager's retry got {@code 200 duplicate} and nothing ever
   * wrote warn.
   */
  @Test
  void redisRefusingTheWriteReleasesTheDeliverySoTheRetryActs() throws Exception {
    try (RedisServer redis = RedisServer.startEmbedded();
        WebhookRig rig = new WebhookRig(redis.url())) {
      rig.setMode(ValidationMode.ENFORCE, 50);
      rig.raw().configSet("maxmemory", "1");
      HttpResponse<String> refused;
      try {
        refused = rig.client.withToken(FIRING);
      } finally {
        rig.raw().configSet("maxmemory", "0");
      }
      assertEquals(503, refused.statusCode(), refused.body());
      assertEquals(ValidationMode.ENFORCE, rig.mode().mode());
      List<AlertSignal> signals = rig.rollout.signals(1);
      assertEquals(1, signals.size(), signals.toString());
      assertFalse(signals.get(0).modeAlreadyWritten(), signals.toString());

      HttpResponse<String> retry = rig.client.withToken(FIRING);
      assertEquals(200, retry.statusCode(), retry.body());
      assertTrue(retry.body().contains("\"modeWritten\":true"), retry.body());
      assertEquals(ValidationMode.WARN, rig.mode().mode());
      assertEquals(2, rig.mode().version());
    }
  }

  /** The service as {@code greenlight webhook} runs it, with no Temporal where it points. */
  @Test
  void temporalUnreachableIs503AfterRedisWasWritten() throws Exception {
    WebhookConfig base = WebhookConfig.loopback(Set.of(WebhookClient.TOKEN_A), List.of());
    WebhookConfig config = base.withKeyPrefix("glops:" + UUID.randomUUID() + ":");
    RedisClient redis = RedisClient.create(TestServices.redis().url());
    int port;
    try (ModeStore modes = new ModeStore(redis, config.keyPrefix());
        WebhookService service =
            WebhookService.start(
                config,
                TestServices.redis().url(),
                TemporalSettings.plaintext("127.0.0.1:" + Ports.free(), "default"))) {
      port = service.port();
      modes.compareAndSet(
          config.surface(), 0, new ModeChange(ValidationMode.ENFORCE, 10, "t", "setup"));
      long start = System.nanoTime();
      HttpResponse<String> response = new WebhookClient(port).withToken(FIRING);
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertEquals(503, response.statusCode(), response.body());
      assertTrue(response.body().contains("Temporal unavailable"), response.body());
      assertTrue(seconds < 10, "503 took " + seconds + "s; Alertmanager gives up after 10s");
      // The downgrade itself never waits for Temporal.
      assertEquals(ValidationMode.WARN, modes.read(config.surface()).orElseThrow().mode());
    } finally {
      redis.shutdown();
    }
    assertThrows(IOException.class, () -> new WebhookClient(port).get("/healthz"), "closed");
  }

  @Test
  void rolloutThatIsNotRunningIsLoggedAnd200() throws Exception {
    try (WebhookRig rig = new WebhookRig()) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      String elsewhere =
          FIRING.replace("\"action\":", "\"rollout\":\"rollout-no-such-plan\",\"action\":");
      HttpResponse<String> response = rig.client.withToken(elsewhere);
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"workflowId\":\"rollout-no-such-plan\""));
      assertTrue(response.body().contains("\"signalled\":false"), response.body());
      assertEquals(ValidationMode.WARN, rig.mode().mode());
      assertEquals(List.of(), rig.rollout.alerts());
    }
  }
}
