package dev.greenlight.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Changes some settings of a {@link WebhookConfig} and keeps the rest, so each {@code with…} names
 * only what it changes; {@link #build} checks the result as the record does. Not thread-safe.
 */
final class WebhookConfigBuilder {
  private final String host;
  private int port;
  private final Set<String> bearerTokens;
  private final List<byte[]> hmacSecrets;
  private final String surface;
  private String keyPrefix;
  private String defaultWorkflowId;
  private final Duration duplicateWindow;
  private final int maxBodyBytes;
  private Duration readTimeout;
  private int maxConnections;
  private Path tlsCert;
  private Path tlsKey;

  WebhookConfigBuilder(WebhookConfig from) {
    host = from.host();
    port = from.port();
    bearerTokens = from.bearerTokens();
    hmacSecrets = from.hmacSecrets();
    surface = from.surface();
    keyPrefix = from.keyPrefix();
    defaultWorkflowId = from.defaultWorkflowId();
    duplicateWindow = from.duplicateWindow();
    maxBodyBytes = from.maxBodyBytes();
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

  WebhookConfigBuilder readTimeout(Duration value) {
    readTimeout = value;
    return this;
  }

  WebhookConfigBuilder maxConnections(int value) {
    maxConnections = value;
    return this;
  }

  WebhookConfigBuilder tls(Path cert, Path key) {
    tlsCert = cert;
    tlsKey = key;
    return this;
  }

  WebhookConfig build() {
    return new WebhookConfig(
        host,
        port,
        bearerTokens,
        hmacSecrets,
        surface,
        keyPrefix,
        defaultWorkflowId,
        duplicateWindow,
        maxBodyBytes,
        readTimeout,
        maxConnections,
        tlsCert,
        tlsKey);
  }
}
