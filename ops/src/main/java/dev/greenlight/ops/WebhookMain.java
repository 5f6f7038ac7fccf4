package dev.greenlight.ops;

import dev.greenlight.temporal.TemporalSettings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook process without the CLI: {@link WebhookConfig#fromEnv} plus {@code REDIS_URL} and
 * Temporal as the Temporal CLI reads it ({@link TemporalSettings}: {@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS*}, the profile file); runs
 * until the JVM is asked to stop. {@code greenlight webhook} does the same with command-line
 * options.
 */
public final class WebhookMain {
  private static final Logger log = LoggerFactory.getLogger(WebhookMain.class);

  private WebhookMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    WebhookConfig config = WebhookConfig.fromEnv(env);
    TemporalSettings temporal = TemporalSettings.fromEnvironment(env);
    WebhookService service =
        WebhookService.start(
            config, env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"), temporal);
    log.info(
        "event=webhook-started port={} config={} temporal=\"{}\"",
        service.port(),
        config,
        temporal);
    service.runUntilShutdown();
  }
}
