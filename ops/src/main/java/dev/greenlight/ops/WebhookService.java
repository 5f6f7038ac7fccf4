package dev.greenlight.ops;

import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.validator.ModeStore;
import io.lettuce.core.RedisClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The webhook as a running service: its Redis client and mode store, its Temporal client and the
 * {@link OpsWebhookServer}, each built once and closed together. What {@code WebhookMain} and
 * {@code greenlight webhook} run.
 */
public final class WebhookService implements AutoCloseable {
  /** Alertmanager's webhook timeout is 10s by default: answer 503 well before it gives up. */
  static final Duration TEMPORAL_RPC_TIMEOUT = Duration.ofSeconds(2);

  static final Duration TEMPORAL_RETRY_EXPIRATION = Duration.ofSeconds(4);

  private final RedisClient redis;
  private final ModeStore modes;
  private final WorkflowServiceStubs stubs;
  private final OpsWebhookServer server;

  private WebhookService(WebhookConfig config, String redisUrl, TemporalSettings temporal)
      throws IOException {
    redis = RedisClient.create(redisUrl);
    modes = new ModeStore(redis, config.keyPrefix());
    stubs = WorkflowServiceStubs.newServiceStubs(serviceStubsOptions(temporal));
    WorkflowClient workflows = WorkflowClient.newInstance(stubs, temporal.clientOptions());
    server = new OpsWebhookServer(config, modes, workflows, new PrometheusRegistry()).start();
  }

  /**
   * Binds the port in {@code config} and starts answering. Connections to Redis and Temporal are
   * made lazily, so a service that is down shows up as 503 replies, not as a failed start; a bad
   * Temporal TLS file fails the start ({@link TemporalSettings} checked it when it was read).
   *
   * @param temporal how to reach Temporal: address, namespace, TLS, API key
   * @throws IOException when the port cannot be bound
   * @throws IllegalArgumentException when the TLS files cannot be used, naming them
   */
  public static WebhookService start(
      WebhookConfig config, String redisUrl, TemporalSettings temporal) throws IOException {
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(temporal, "temporal");
    return new WebhookService(config, redisUrl, temporal);
  }

  /**
   * Temporal client options (TLS, API key, headers as {@code temporal} says) whose calls, retries
   * included, give up within about 4 seconds.
   */
  static WorkflowServiceStubsOptions serviceStubsOptions(TemporalSettings temporal) {
    return WorkflowServiceStubsOptions.newBuilder(temporal.serviceStubsOptions())
        .setRpcTimeout(TEMPORAL_RPC_TIMEOUT)
        .setRpcRetryOptions(
            RpcRetryOptions.newBuilder()
                .setExpiration(TEMPORAL_RETRY_EXPIRATION)
                .validateBuildWithDefaults())
        .build();
  }

  public int port() {
    return server.port();
  }

  /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes this service. */
  public void runUntilShutdown() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  stopped.countDown();
                },
                "greenlight-webhook-shutdown"));
    stopped.await();
  }

  @Override
  public void close() {
    server.close();
    stubs.shutdown();
    modes.close();
    redis.shutdown();
  }
}
