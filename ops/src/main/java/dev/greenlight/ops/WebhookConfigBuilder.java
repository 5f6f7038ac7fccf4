package dev.greenlight.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A mutable copy of a {@link WebhookConfig}'s settings, so each {@code with…} sets only the fields
 * it changes and keeps the rest; {@link #build} checks the result as the record does. The settings
 * a wither changes are open to the package; the others stay as copied. Not thread-safe.
 */
final class WebhookConfigBuilder {
  private final String host;
  int port;
  private final Set<String> bearerTokens;
  private final List<byte[]> hmacSecrets;
  private final String surface;
  String keyPrefix;
  String defaultWorkflowId;
  private final Duration duplicateWindow;
  private final int maxBodyBytes;
  Duration readTimeout;
  int maxConnections;
  Path tlsCert;
  Path tlsKey;

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
