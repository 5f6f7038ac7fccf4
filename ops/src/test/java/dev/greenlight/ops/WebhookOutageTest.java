package dev.greenlight.ops;

import static dev.greenlight.ops.WebhookClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.RedisServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When Redis or Temporal cannot be reached, the webhook answers 503 so Alertmanager retries. */
class WebhookOutageTest {
  private static final String FIRING =
      payload("outage-group", "firing", "StageEnforceErrorSpike", "fp-outage");

  @Test
  void redisDownIs503AndTheRetryActsOnceItIsBack() throws Exception {
    try (RedisServer redis = RedisServer.startEmbedded();
        WebhookRig rig = new WebhookRig(redis.url())) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      redis.stop();
      HttpResponse<String> down = rig.client.withToken(FIRING);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("\"error\":\"unavailable\""), down.body());
      assertTrue(down.body().contains("Redis unavailable"), down.body());
      // Redis comes first: with no downgrade written, the rollout was not told either.
      assertEquals(List.of(), rig.rollout.alerts());

      redis.start(); // empty again: the embedded server persists nothing
      rig.setMode(ValidationMode.ENFORCE, 10);
      HttpResponse<String> retry = rig.client.withToken(FIRING);
      assertEquals(200, retry.statusCode(), retry.body());
      assertEquals(ValidationMode.WARN, rig.mode().mode());
      assertEquals(1, rig.rollout.alerts().size());
    }
  }

  /** The service as {@code greenlight webhook} runs it, with no Temporal where it points. */
  @Test
  void temporalUnreachableIs503AfterRedisWasWritten() throws Exception {
    WebhookConfig base = WebhookConfig.loopback(Set.of(WebhookClient.TOKEN_A), List.of());
    WebhookConfig config =
        new WebhookConfig(
            base.host(),
            0,
            base.bearerTokens(),
            base.hmacSecrets(),
            base.surface(),
            "glops:" + UUID.randomUUID() + ":",
            base.defaultWorkflowId(),
            base.duplicateWindow(),
            base.maxBodyBytes());
    RedisClient redis = RedisClient.create(TestServices.redis().url());
    int port;
    try (ModeStore modes = new ModeStore(redis, config.keyPrefix());
        WebhookService service =
            WebhookService.start(
                config, TestServices.redis().url(), "127.0.0.1:" + freePort(), "default")) {
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
