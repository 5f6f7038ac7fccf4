package dev.greenlight.ops;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Changes some settings of a {@link WebhookConfig} and keeps the rest, so each {@code with…} names
 * only what it changes; {@link #build} checks the result as the record does. Not thread-safe.
 */
final class WebhookConfigBuilder {
  /** Where the settings no {@code with…} changes (host, credentials, surface, sizes) come from. */
  private final WebhookConfig from;

  private int port;
  private String keyPrefix;
  private String defaultWorkflowId;
  private Duration readTimeout;
  private int maxConnections;
  private Path tlsCert;
  private Path tlsKey;

  WebhookConfigBuilder(WebhookConfig from) {
    this.from = from;
    port = from.port();
    keyPrefix = from.keyPrefix();
    defaultWorkflowId = from.defaultWorkflowId();
    readTimeout = from.readTimeout();
    maxConnections = from.maxConnections();
    tlsCert = from.tlsCert();
    tlsKey = from.tlsKey();
  }

  WebhookConfigBuilder port(int value) {
    port = value;
    return this;
  }

  WebhookConfigBuilder keyPrefix(String value) {
    keyPrefix = value;
    return this;
  }

  WebhookConfigBuilder defaultWorkflowId(String value) {
    defaultWorkflowId = value;
    return this;
  }

  WebhookConfigBuilder limits(Duration newReadTimeout, int newMaxConnections) {
    readTimeout = newReadTimeout;
    maxConnections = newMaxConnections;
    return this;
  }

  WebhookConfigBuilder tls(Path cert, Path key) {
    tlsCert = cert;
    tlsKey = key;
    return this;
  }

  WebhookConfig build() {
    return new WebhookConfig(
        from.host(),
        port,
        from.bearerTokens(),
        from.hmacSecrets(),
        from.surface(),
        keyPrefix,
        defaultWorkflowId,
        from.duplicateWindow(),
        from.maxBodyBytes(),
        readTimeout,
        maxConnections,
        tlsCert,
        tlsKey);
  }
}
