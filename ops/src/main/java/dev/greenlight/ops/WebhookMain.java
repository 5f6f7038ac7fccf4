package dev.greenlight.ops;

import dev.greenlight.validator.ModeStore;
import io.lettuce.core.RedisClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook process: builds the Redis client, mode store, Temporal client and metrics registry
 * once from the environment ({@code REDIS_URL}, {@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, and {@link WebhookConfig#fromEnv}), starts {@link OpsWebhookServer} and
 * closes everything on shutdown.
 */
public final class WebhookMain {
  /** Alertmanager's webhook timeout is 10s by default: answer 503 well before it gives up. */
  static final Duration TEMPORAL_RPC_TIMEOUT = Duration.ofSeconds(2);

  static final Duration TEMPORAL_RETRY_EXPIRATION = Duration.ofSeconds(4);

  /**
   * The JDK server writes a reply's headers and body separately; without TCP_NODELAY the second
   * write waits for the client's delayed ACK, about 40 ms per reply.
   */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private static final Logger log = LoggerFactory.getLogger(WebhookMain.class);

  private WebhookMain() {}

  /** Temporal client options whose calls, retries included, give up within about 4 seconds. */
  static WorkflowServiceStubsOptions serviceStubsOptions(String target) {
    return WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target)
        .setRpcTimeout(TEMPORAL_RPC_TIMEOUT)
        .setRpcRetryOptions(
            RpcRetryOptions.newBuilder()
                .setExpiration(TEMPORAL_RETRY_EXPIRATION)
                .validateBuildWithDefaults())
        .build();
  }

  public static void main(String[] args) throws Exception {
    System.setProperty(NODELAY_PROPERTY, "true");
    Map<String, String> env = System.getenv();
    WebhookConfig config = WebhookConfig.fromEnv(env);
    RedisClient redis = RedisClient.create(env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
    ModeStore modes = new ModeStore(redis, config.keyPrefix());
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            serviceStubsOptions(env.getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7233")));
    WorkflowClient workflows =
        WorkflowClient.newInstance(
            stubs,
            WorkflowClientOptions.newBuilder()
                .setNamespace(env.getOrDefault("TEMPORAL_NAMESPACE", "default"))
                .build());
    OpsWebhookServer server =
        new OpsWebhookServer(config, modes, workflows, new PrometheusRegistry()).start();
    log.info("event=webhook-started port={} config={}", server.port(), config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stubs.shutdown();
                  modes.close();
                  redis.shutdown();
                }));
  }
}
