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
record MetricsHandler(PrometheusRegistry registry, HttpMetrics metrics) implements HttpHandler {
  /** Holds no state between scrapes, so one serves every handler and thread. */
  private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

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
    WRITER.write(out, registry.scrape());
    byte[] body = out.toByteArray();
    exchange.getResponseHeaders().set("Content-Type", WRITER.getContentType());
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
    metrics.answered(Endpoints.METRICS, method, 200);
  }
}
