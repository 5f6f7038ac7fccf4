package dev.greenlight.ops;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.validator.ModeKeyPrefix;
import dev.greenlight.validator.ModeSurfaceSetting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * @param readTimeout how long a connection may take to send a request's headers (from when it
 *     opened or its previous reply went out), and then its body: past it the connection is closed
 * @param maxConnections open connections at most; further ones wait in the accept queue
 * @param tlsCert PEM certificate chain to serve HTTPS with, or null for plain HTTP
 * @param tlsKey the PEM (PKCS#8) private key of {@code tlsCert}, or null for plain HTTP
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
    int maxBodyBytes,
    Duration readTimeout,
    int maxConnections,
    Path tlsCert,
    Path tlsKey) {

  public static final int ONE_MEGABYTE = 1024 * 1024;

  /**
   * Alertmanager's own webhook timeout is 10 s; 5 s leaves a delivery that sent its request in time
   * room to be answered, and cuts a client that has not sent one.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

  /** Alertmanager re-sends a firing alert every few minutes; ten cover its retries of one. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(10);

  /** Far above what Alertmanager opens (a few), far below the file descriptors of a process. */
  public static final int DEFAULT_MAX_CONNECTIONS = 512;

  public static final String TLS_CERT_ENV = "GREENLIGHT_WEBHOOK_TLS_CERT";
  public static final String TLS_KEY_ENV = "GREENLIGHT_WEBHOOK_TLS_KEY";

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
    if (readTimeout.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "readTimeout must be at least 100 ms but was " + readTimeout);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be positive but was " + maxConnections);
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException(
          "TLS needs both "
              + TLS_CERT_ENV
              + " and "
              + TLS_KEY_ENV
              + " but only "
              + (tlsCert == null ? TLS_KEY_ENV : TLS_CERT_ENV)
              + " was set");
    }
  }

  /** Whether the webhook serves HTTPS. */
  public boolean tls() {
    return tlsCert != null;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return tls() ? "https" : "http";
  }

  public WebhookConfig withPort(int newPort) {
    return toBuilder().port(newPort).build();
  }

  public WebhookConfig withDefaultWorkflowId(String workflowId) {
    return toBuilder().defaultWorkflowId(workflowId).build();
  }

  public WebhookConfig withKeyPrefix(String prefix) {
    return toBuilder().keyPrefix(prefix).build();
  }

  /** The same settings with these read deadline and connection bound. */
  public WebhookConfig withLimits(Duration newReadTimeout, int newMaxConnections) {
    return toBuilder().limits(newReadTimeout, newMaxConnections).build();
  }

  /** The same settings served over HTTPS with this PEM certificate chain and PKCS#8 key. */
  public WebhookConfig withTls(Path cert, Path key) {
    return toBuilder().tls(cert, key).build();
  }

  private WebhookConfigBuilder toBuilder() {
    return new WebhookConfigBuilder(this);
  }

  /** A config with the defaults and these credentials, listening on a free loopback port. */
  public static WebhookConfig loopback(Set<String> bearerTokens, List<byte[]> hmacSecrets) {
    return new WebhookConfig(
        "127.0.0.1",
        0,
        bearerTokens,
        hmacSecrets,
        ModeSurfaceSetting.DEFAULT,
        ModeKeyPrefix.DEFAULT,
        RolloutConstants.DEFAULT_WORKFLOW_ID,
        DEFAULT_DUPLICATE_WINDOW,
        ONE_MEGABYTE,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        null,
        null);
  }

  /**
   * Reads {@code GREENLIGHT_WEBHOOK_HOST} (127.0.0.1), {@code GREENLIGHT_WEBHOOK_PORT} (8088),
   * {@code GREENLIGHT_WEBHOOK_TOKENS} and {@code ALERTMANAGER_WEBHOOK_SECRET} (comma-separated),
   * {@code GREENLIGHT_SURFACE} (stage-validation), {@code GREENLIGHT_REDIS_PREFIX} (greenlight:,
   * read by {@link ModeKeyPrefix} as the worker and the API read it), {@code GREENLIGHT_ROLLOUT_ID}
   * (rollout-stage-normalization-v3.4), {@code GREENLIGHT_WEBHOOK_READ_TIMEOUT_MS} (5000), {@code
   * GREENLIGHT_WEBHOOK_MAX_CONNECTIONS} (512) and {@code GREENLIGHT_WEBHOOK_TLS_CERT} with {@code
   * GREENLIGHT_WEBHOOK_TLS_KEY} (PEM files; both or neither).
   */
  public static WebhookConfig fromEnv(Map<String, String> env) {
    List<byte[]> secrets = new ArrayList<>();
    for (String secret : csv(env.get("ALERTMANAGER_WEBHOOK_SECRET"))) {
      secrets.add(secret.getBytes(StandardCharsets.UTF_8));
    }
    int parsedPort = number(env, "GREENLIGHT_WEBHOOK_PORT", 8088);
    int readTimeoutMillis =
        number(env, "GREENLIGHT_WEBHOOK_READ_TIMEOUT_MS", (int) DEFAULT_READ_TIMEOUT.toMillis());
    int maxConnections = number(env, "GREENLIGHT_WEBHOOK_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS);
    String cert = env.get(TLS_CERT_ENV);
    String key = env.get(TLS_KEY_ENV);
    return new WebhookConfig(
        env.getOrDefault("GREENLIGHT_WEBHOOK_HOST", "127.0.0.1"),
        parsedPort,
        new LinkedHashSet<>(csv(env.get("GREENLIGHT_WEBHOOK_TOKENS"))),
        secrets,
        ModeSurfaceSetting.fromEnv(env),
        // The worker's variable: the webhook must write the very key the workflow flips.
        ModeKeyPrefix.fromEnv(env),
        env.getOrDefault(RolloutConstants.WORKFLOW_ID_ENV, RolloutConstants.DEFAULT_WORKFLOW_ID),
        DEFAULT_DUPLICATE_WINDOW,
        ONE_MEGABYTE,
        Duration.ofMillis(readTimeoutMillis),
        maxConnections,
        cert == null || cert.isBlank() ? null : Path.of(cert.trim()),
        key == null || key.isBlank() ? null : Path.of(key.trim()));
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number but was '" + value + "'", e);
    }
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
        + ", readTimeout="
        + readTimeout
        + ", maxConnections="
        + maxConnections
        + ", tls="
        + (tls() ? tlsCert : "off")
        + "]";
  }
}
