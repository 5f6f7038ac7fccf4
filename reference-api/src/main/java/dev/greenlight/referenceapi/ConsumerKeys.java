package dev.greenlight.referenceapi;

import com.sun.net.httpserver.HttpExchange;

/**
 * The consumer key that buckets a request into the canary: the {@code X-Api-Key} header when it is
 * sent and not blank, otherwise the client's IP address. The key only decides the bucket; it is
 * never a metric label.
 */
final class ConsumerKeys {
  static final String HEADER = "X-Api-Key";

  private ConsumerKeys() {}

  static String of(HttpExchange exchange) {
    String key = exchange.getRequestHeaders().getFirst(HEADER);
    if (key != null && !key.isBlank()) {
      return key.strip();
    }
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }
}
