package dev.greenlight.ops;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeWriteRule;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A webhook wired to real collaborators: the test Redis under a fresh key prefix, a parked real
 * rollout in Temporal's test environment, and a registry of its own.
 */
final class WebhookRig implements AutoCloseable {
  final ParkedRollout rollout = new ParkedRollout();
  final RedisClient redis;
  final ModeStore modes;
  final WebhookConfig config;
  final OpsWebhookServer server;
  final WebhookClient client;
  private final StatefulRedisConnection<String, String> raw;

  WebhookRig() throws IOException {
    this(TestServices.redis().url());
  }

  WebhookRig(String redisUrl) throws IOException {
    this(redisUrl, UnaryOperator.identity());
  }

  /** A rig whose config is {@code tune}d first: read deadline, connection bound, TLS. */
  WebhookRig(UnaryOperator<WebhookConfig> tune) throws IOException {
    this(TestServices.redis().url(), tune);
  }

  WebhookRig(String redisUrl, UnaryOperator<WebhookConfig> tune) throws IOException {
    redis = RedisClient.create(redisUrl);
    WebhookConfig base =
        WebhookConfig.loopback(
            Set.of(WebhookClient.TOKEN_A, WebhookClient.TOKEN_B),
            List.of(WebhookClient.SECRET_OLD, WebhookClient.SECRET_NEW));
    config =
        tune.apply(
            base.withKeyPrefix("glops:" + UUID.randomUUID() + ":")
                .withDefaultWorkflowId(rollout.workflowId));
    modes = new ModeStore(redis, config.keyPrefix());
    server =
        new OpsWebhookServer(config, modes, rollout.client(), new PrometheusRegistry()).start();
    client = new WebhookClient(server.port());
    raw = redis.connect();
  }

  /** Plain Redis commands, to write what no mode store would. */
  RedisCommands<String, String> raw() {
    return raw.sync();
  }

  String modeKey() {
    return config.keyPrefix() + "mode:" + config.surface();
  }

  void setMode(ValidationMode mode, int percent) {
    modes.write(
        config.surface(),
        new ModeChange(mode, percent, "test", "test setup"),
        ModeWriteRule.overAny());
  }

  ModeRecord mode() {
    return modes.read(config.surface()).orElseThrow();
  }

  @Override
  public void close() {
    server.close();
    raw.close();
    modes.close();
    redis.shutdown();
    rollout.close();
  }
}
