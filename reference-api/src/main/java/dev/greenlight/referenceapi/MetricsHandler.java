package dev.greenlight.referenceapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /metrics}: every metric of the registry in the Prometheus text format (0.0.4), which
 * every Prometheus scrapes.
 */
final class MetricsHandler implements HttpHandler {
  private final PrometheusRegistry registry;
  private final HttpMetrics metrics;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  MetricsHandler(PrometheusRegistry registry, HttpMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET")) {
      byte[] body = "GET only\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(405, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      metrics.answered(Endpoints.METRICS, method, 405);
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    writer.write(out, registry.scrape());
    byte[] body = out.toByteArray();
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
    metrics.answered(Endpoints.METRICS, method, 200);
  }
}
