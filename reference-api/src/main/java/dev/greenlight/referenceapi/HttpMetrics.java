package dev.greenlight.referenceapi;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code http_requests_total{endpoint,method,status}}: one per answered request — the series the
 * stage-validation rules divide 5xx answers by.
 *
 * <p>Labels stay bounded: the endpoint is one of {@link Endpoints}, the method is folded to the few
 * the API knows, the status is a number the API chose. Thread-safe.
 */
final class HttpMetrics {
  private final Counter requests;

  HttpMetrics(PrometheusRegistry registry) {
    requests =
        Counter.builder()
            .name("http_requests")
            .help("HTTP requests answered, by endpoint, method and status.")
            .labelNames("endpoint", "method", "status")
            .withoutExemplars()
            .register(registry);
  }

  void answered(String endpoint, String method, int status) {
    requests.labelValues(endpoint, knownMethod(method), Integer.toString(status)).inc();
  }

  private static String knownMethod(String method) {
    return switch (method) {
      case "GET", "POST", "PATCH", "PUT", "DELETE", "HEAD" -> method;
      default -> "other";
    };
  }
}
