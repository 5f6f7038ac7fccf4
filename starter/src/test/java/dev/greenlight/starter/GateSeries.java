package dev.greenlight.starter;

import java.util.function.Supplier;

/**
 * The series the shipped plan's queries read, as a scrape target serves them ({@link
 * dev.greenlight.testsupport.ScrapeTarget}) — stage validation counters in modes off and warn, HTTP
 * request counters, a latency histogram — all growing with time, so every rate and increase in the
 * plan has a value after two scrapes.
 */
final class GateSeries implements Supplier<String> {
  private static final String[] ENDPOINTS = {
    "create-company", "update-company", "list-companies-by-stage"
  };

  private final long startNanos = System.nanoTime();

  /** The exposition as of now. */
  @Override
  public String get() {
    double t = 10 + (System.nanoTime() - startNanos) / 1e9;
    StringBuilder out = new StringBuilder();
    out.append("# TYPE stage_validation_requests_total counter\n");
    for (String endpoint : ENDPOINTS) {
      counter(out, endpoint, "off", "accepted", 50 * t);
      counter(out, endpoint, "off", "shadow_unknown", t);
      counter(out, endpoint, "warn", "accepted", 50 * t);
      counter(out, endpoint, "warn", "accepted_unknown", 0.1 * t);
    }
    out.append("# TYPE http_requests_total counter\n");
    out.append("http_requests_total{status=\"200\"} ").append(100 * t).append('\n');
    out.append("http_requests_total{status=\"500\"} ").append(0.01 * t).append('\n');
    out.append("# TYPE stage_validation_duration_seconds histogram\n");
    bucket(out, "0.0002", 90 * t);
    bucket(out, "0.0005", 99.5 * t);
    bucket(out, "+Inf", 100 * t);
    out.append("stage_validation_duration_seconds_sum ").append(0.02 * t).append('\n');
    out.append("stage_validation_duration_seconds_count ").append(100 * t).append('\n');
    return out.toString();
  }

  private static void counter(
      StringBuilder out, String endpoint, String mode, String outcome, double value) {
    out.append("stage_validation_requests_total{endpoint=\"")
        .append(endpoint)
        .append("\",mode=\"")
        .append(mode)
        .append("\",outcome=\"")
        .append(outcome)
        .append("\"} ")
        .append(value)
        .append('\n');
  }

  private static void bucket(StringBuilder out, String le, double value) {
    out.append("stage_validation_duration_seconds_bucket{le=\"")
        .append(le)
        .append("\"} ")
        .append(value)
        .append('\n');
  }
}
