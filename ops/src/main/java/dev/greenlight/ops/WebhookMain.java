package dev.greenlight.ops;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook process without the CLI: {@link WebhookConfig#fromEnv} plus {@code REDIS_URL}, {@code
 * TEMPORAL_ADDRESS} and {@code TEMPORAL_NAMESPACE}; runs until the JVM is asked to stop. {@code
 * greenlight webhook} does the same with command-line options.
 */
public final class WebhookMain {
  private static final Logger log = LoggerFactory.getLogger(WebhookMain.class);

  private WebhookMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    WebhookConfig config = WebhookConfig.fromEnv(env);
    WebhookService service =
        WebhookService.start(
            config,
            env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"),
            env.getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
            env.getOrDefault("TEMPORAL_NAMESPACE", "default"));
    log.info("event=webhook-started port={} config={}", service.port(), config);
    service.runUntilShutdown();
  }
}
