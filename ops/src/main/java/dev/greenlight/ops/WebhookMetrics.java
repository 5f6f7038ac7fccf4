package dev.greenlight.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The webhook's own metrics, registered on the registry passed in:
 *
 * <ul>
 *   <li>{@code greenlight_ops_webhook_requests_total{outcome}}: one per answered request
 *   <li>{@code greenlight_ops_webhook_downgrades_total{result}}: written, not_enforcing, …
 *   <li>{@code greenlight_ops_webhook_signals_total{result}}: sent, no_workflow, …
 *   <li>{@code greenlight_ops_webhook_request_duration_seconds}: time to answer
 * </ul>
 *
 * <p>Label values come from a fixed set in the code, never from a request. Thread-safe.
 */
final class WebhookMetrics {
  private static final double[] BUCKETS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5, 5
  };

  private final Counter requests;
  private final Counter downgrades;
  private final Counter signals;
  private final Histogram duration;

  WebhookMetrics(PrometheusRegistry registry) {
    requests =
        Counter.builder()
            .name("greenlight_ops_webhook_requests")
            .help("Webhook requests by outcome.")
            .labelNames("outcome")
            .withoutExemplars()
            .register(registry);
    downgrades =
        Counter.builder()
            .name("greenlight_ops_webhook_downgrades")
            .help("Auto-downgrade alerts by what happened to the mode key.")
            .labelNames("result")
            .withoutExemplars()
            .register(registry);
    signals =
        Counter.builder()
            .name("greenlight_ops_webhook_signals")
            .help("autoDowngrade signals to the rollout workflow by result.")
            .labelNames("result")
            .withoutExemplars()
            .register(registry);
    duration =
        Histogram.builder()
            .name("greenlight_ops_webhook_request_duration_seconds")
            .help("Time from request arrival to answer.")
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .withoutExemplars()
            .register(registry);
  }

  void request(String outcome, long nanos) {
    requests.labelValues(outcome).inc();
    duration.observe(nanos / 1e9);
  }

  void downgrade(String result) {
    downgrades.labelValues(result).inc();
  }

  void signal(String result) {
    signals.labelValues(result).inc();
  }
}
