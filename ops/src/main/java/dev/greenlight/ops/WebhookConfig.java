package dev.greenlight.ops;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.validator.ModeKeyPrefix;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of the ops webhook: where it listens, which credentials it accepts, which mode
 * surface it downgrades and which rollout it signals when an alert names none.
 *
 * @param host address to bind, loopback unless set
 * @param port port to bind, 0 for any free one
 * @param bearerTokens accepted {@code Authorization: Bearer} tokens; several during a rotation
 * @param hmacSecrets accepted HMAC-SHA256 secrets for {@code X-Alertmanager-Signature}
 * @param surface the mode surface an auto-downgrade alert writes {@code warn} to
 * @param keyPrefix the Redis key prefix of the mode store
 * @param defaultWorkflowId the rollout signalled when an alert has no {@code rollout} label
 * @param duplicateWindow how long a delivery is remembered to acknowledge its duplicates
 * @param maxBodyBytes the largest request body read; larger ones are refused with 413
 */
public record WebhookConfig(
    String host,
    int port,
    Set<String> bearerTokens,
    List<byte[]> hmacSecrets,
    String surface,
    String keyPrefix,
    String defaultWorkflowId,
    Duration duplicateWindow,
    int maxBodyBytes) {

  public static final int ONE_MEGABYTE = 1024 * 1024;
  public static final String DEFAULT_PLAN = "stage-normalization-v3.4";

  /**
   * Checks that at least one credential is configured and the sizes make sense.
   *
   * @throws IllegalArgumentException naming the value and the rule
   */
  public WebhookConfig {
    bearerTokens = Set.copyOf(bearerTokens);
    hmacSecrets = List.copyOf(hmacSecrets);
    if (bearerTokens.isEmpty() && hmacSecrets.isEmpty()) {
      throw new IllegalArgumentException(
          "the webhook needs at least one credential: set GREENLIGHT_WEBHOOK_TOKENS or"
              + " ALERTMANAGER_WEBHOOK_SECRET (both were empty)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive but was " + maxBodyBytes);
    }
    if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException(
          "duplicateWindow must be positive but was " + duplicateWindow);
    }
  }

  /** A config with the defaults and these credentials, listening on a free loopback port. */
  public static WebhookConfig loopback(Set<String> bearerTokens, List<byte[]> hmacSecrets) {
    return new WebhookConfig(
        "127.0.0.1",
        0,
        bearerTokens,
        hmacSecrets,
        "stage-validation",
        "greenlight:",
        RolloutConstants.workflowId(DEFAULT_PLAN),
        Duration.ofMinutes(10),
        ONE_MEGABYTE);
  }

  /**
   * Reads {@code GREENLIGHT_WEBHOOK_HOST} (127.0.0.1), {@code GREENLIGHT_WEBHOOK_PORT} (8088),
   * {@code GREENLIGHT_WEBHOOK_TOKENS} and {@code ALERTMANAGER_WEBHOOK_SECRET} (comma-separated),
   * {@code GREENLIGHT_SURFACE} (stage-validation), {@code GREENLIGHT_REDIS_PREFIX} (greenlight:,
   * read by {@link ModeKeyPrefix} as the worker and the API read it) and {@code
   * GREENLIGHT_ROLLOUT_ID} (rollout-stage-normalization-v3.4).
   */
  public static WebhookConfig fromEnv(Map<String, String> env) {
    List<byte[]> secrets = new ArrayList<>();
    for (String secret : csv(env.get("ALERTMANAGER_WEBHOOK_SECRET"))) {
      secrets.add(secret.getBytes(StandardCharsets.UTF_8));
    }
    String port = env.getOrDefault("GREENLIGHT_WEBHOOK_PORT", "8088");
    int parsedPort;
    try {
      parsedPort = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "GREENLIGHT_WEBHOOK_PORT must be a number but was '" + port + "'", e);
    }
    return new WebhookConfig(
        env.getOrDefault("GREENLIGHT_WEBHOOK_HOST", "127.0.0.1"),
        parsedPort,
        new LinkedHashSet<>(csv(env.get("GREENLIGHT_WEBHOOK_TOKENS"))),
        secrets,
        env.getOrDefault("GREENLIGHT_SURFACE", "stage-validation"),
        // The worker's variable: the webhook must write the very key the workflow flips.
        ModeKeyPrefix.fromEnv(env),
        env.getOrDefault("GREENLIGHT_ROLLOUT_ID", RolloutConstants.workflowId(DEFAULT_PLAN)),
        Duration.ofMinutes(10),
        ONE_MEGABYTE);
  }

  private static List<String> csv(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** Leaves the credentials out, so a logged config never leaks one. */
  @Override
  public String toString() {
    return "WebhookConfig[host="
        + host
        + ", port="
        + port
        + ", bearerTokens="
        + bearerTokens.size()
        + ", hmacSecrets="
        + hmacSecrets.size()
        + ", surface="
        + surface
        + ", keyPrefix="
        + keyPrefix
        + ", defaultWorkflowId="
        + defaultWorkflowId
        + "]";
  }
}
