package dev.greenlight.validator;

import dev.greenlight.validator.internal.EndpointMetrics;
import dev.greenlight.validator.internal.ModeKeys;
import dev.greenlight.validator.internal.SurfaceMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Prometheus metrics of stage validation, registered on the registry the API service passes:
 *
 * <ul>
 *   <li>{@code stage_validation_requests_total{endpoint,mode,outcome}}: outcome {@code
 *       passed_untouched} or {@code shadow_unknown} in off (the value was passed as sent; {@code
 *       shadow_unknown} when warn would have counted it unknown, which makes the baseline unknown
 *       fraction), {@code accepted} or {@code accepted_unknown} in warn, and {@code accepted},
 *       {@code accepted_unknown} or {@code rejected} in enforce
 *   <li>{@code stage_warn_unknown_total{endpoint}}: unknown values accepted (in warn, or in enforce
 *       outside the canary; never off's shadow unknowns). For a share of warn traffic divide {@code
 *       outcome="accepted_unknown"} by all of {@code mode="warn"} instead: this counter keeps
 *       moving under enforce, when no validation runs in warn
 *   <li>{@code stage_enforce_rejections_total{endpoint}}
 *   <li>{@code stage_validation_duration_seconds{endpoint}}: histogram, buckets 100 ns to 10 ms,
 *       ten per decade (below)
 *   <li>{@code stage_validation_mode{surface}}: 0 off, 1 warn, 2 enforce
 *   <li>{@code stage_validation_enforce_percent{surface}}
 *   <li>{@code stage_mode_fallbacks_total{surface}}: refreshes that failed or found the record
 *       unreadable, leaving the last-known or default mode in force (one per refresh interval while
 *       it lasts: its rate says how hard the resolver is retrying)
 *   <li>{@code stage_mode_fallback{surface}}: 1 while the resolver serves from memory because Redis
 *       cannot be read, else 0 (how long an outage lasts, and what to alert on)
 *   <li>{@code stage_mode_unreadable{surface}}: 1 while the stored record cannot be parsed, so the
 *       configured default is served as if there were none, else 0
 * </ul>
 *
 * <p>The duration buckets are the ISO R10 preferred numbers 1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3,
 * 8 in every decade from 100 ns to 10 ms: 51 bounds plus {@code +Inf}, each 1.25–1.28 times the one
 * before. The p99 gate reads {@code histogram_quantile}, which interpolates linearly inside a
 * bucket, and its regression check compares p99 between canary steps at 1.5 ×. With the earlier 13
 * buckets, 2–2.5 × apart from 1 µs, a 1.5 × change of p99 read as anything from 1.0 × (below 1 µs,
 * where validation actually runs: every sample in the first bucket) to 2.5 ×; with these it reads
 * 1.47–1.59 × anywhere from 200 ns to 5 ms ({@code DurationBucketsTest}). The range covers a
 * validation (a few hundred ns) to past the gate's 1 ms threshold and 2 ms breach, both bounds. R10
 * rather than an exact 1.25 series: readable {@code le} labels, and every earlier bound (1, 2.5, 5
 * per decade) is still one, so a fleet that runs both versions during a deploy sums into the same
 * {@code le} series there. Cost: 52 bucket series per endpoint instead of 14 (156 for the reference
 * API's three endpoints); a native histogram would be finer and cheaper once the gates read native
 * histograms.
 *
 * <p>Labels stay bounded: endpoints are fixed at construction and any other is refused; surfaces
 * are those of the resolvers built with these metrics. Register one instance per registry (a second
 * would clash on the names). Thread-safe.
 */
public final class ValidatorMetrics {
  /** ISO R10: ten preferred numbers per decade, each about 10^0.1 (1.26) times the one before. */
  private static final String[] R10 = {
    "1", "1.25", "1.6", "2", "2.5", "3.15", "4", "5", "6.3", "8"
  };

  /** Seconds: R10 from 100 ns (10^-7) up to 10 ms (10^-2); why in the class Javadoc. */
  private static final double[] DURATION_BUCKETS = r10Bounds(-7, -2);

  private final Map<String, EndpointMetrics> endpoints;
  private final Set<String> endpointNames;
  private final Gauge mode;
  private final Gauge enforcePercent;
  private final Counter fallbacks;
  private final Gauge inFallback;
  private final Gauge unreadable;
  private final Map<String, SurfaceMetrics> surfaces = new ConcurrentHashMap<>();

  /**
   * Registers the metrics on {@code registry} for the given endpoint names.
   *
   * @throws IllegalArgumentException when {@code endpoints} is empty or holds a blank name
   */
  public ValidatorMetrics(PrometheusRegistry registry, Set<String> endpoints) {
    Objects.requireNonNull(registry, "registry must not be null");
    Objects.requireNonNull(endpoints, "endpoints must not be null");
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("endpoints must name at least one endpoint but was empty");
    }
    Counter requests =
        Counter.builder()
            .name("stage_validation_requests")
            .help("Stage validations by endpoint, mode and outcome.")
            .labelNames("endpoint", "mode", "outcome")
            .withoutExemplars()
            .register(registry);
    Counter warnUnknown =
        Counter.builder()
            .name("stage_warn_unknown")
            .help("Unknown stage values accepted without enforcement.")
            .labelNames("endpoint")
            .withoutExemplars()
            .register(registry);
    Counter rejections =
        Counter.builder()
            .name("stage_enforce_rejections")
            .help("Unknown stage values rejected in enforce mode.")
            .labelNames("endpoint")
            .withoutExemplars()
            .register(registry);
    Histogram duration =
        Histogram.builder()
            .name("stage_validation_duration_seconds")
            .help("Time spent validating one stage value.")
            .labelNames("endpoint")
            .classicOnly()
            .classicUpperBounds(DURATION_BUCKETS)
            .withoutExemplars()
            .register(registry);
    Map<String, EndpointMetrics> byName = new HashMap<>();
    for (String endpoint : endpoints) {
      if (endpoint == null || endpoint.isBlank()) {
        throw new IllegalArgumentException("endpoint names must not be blank but got " + endpoints);
      }
      byName.put(
          endpoint, new EndpointMetrics(endpoint, requests, warnUnknown, rejections, duration));
    }
    this.endpoints = Map.copyOf(byName);
    this.endpointNames = Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    this.mode =
        Gauge.builder()
            .name("stage_validation_mode")
            .help("Validation mode in force: 0 off, 1 warn, 2 enforce.")
            .labelNames("surface")
            .withoutExemplars()
            .register(registry);
    this.enforcePercent =
        Gauge.builder()
            .name("stage_validation_enforce_percent")
            .help("Share of consumers enforced in enforce mode, 0-100.")
            .labelNames("surface")
            .withoutExemplars()
            .register(registry);
    this.fallbacks =
        Counter.builder()
            .name("stage_mode_fallbacks")
            .help(
                "Mode refreshes that failed or found the record unreadable, leaving the last-known"
                    + " or default mode in force.")
            .labelNames("surface")
            .withoutExemplars()
            .register(registry);
    this.inFallback =
        Gauge.builder()
            .name("stage_mode_fallback")
            .help("1 while the mode is served from memory because Redis cannot be read, else 0.")
            .labelNames("surface")
            .withoutExemplars()
            .register(registry);
    this.unreadable =
        Gauge.builder()
            .name("stage_mode_unreadable")
            .help(
                "1 while the stored mode record cannot be parsed and the default is served, else 0.")
            .labelNames("surface")
            .withoutExemplars()
            .register(registry);
  }

  /**
   * R10 from 10^{@code fromExponent} to 10^{@code toExponent}, both included, as exact decimals.
   */
  private static double[] r10Bounds(int fromExponent, int toExponent) {
    double[] bounds = new double[(toExponent - fromExponent) * R10.length + 1];
    int i = 0;
    for (int exponent = fromExponent; exponent < toExponent; exponent++) {
      for (String mantissa : R10) {
        // Parsed from decimal text, so 1.25e-7 is the double nearest 1.25e-7, not 1.25 * 1e-7.
        bounds[i++] = Double.parseDouble(mantissa + "e" + exponent);
      }
    }
    bounds[i] = Double.parseDouble("1e" + toExponent);
    return bounds;
  }

  /** The endpoint names these metrics accept. */
  public Set<String> endpoints() {
    return endpointNames;
  }

  /** The series of {@code endpoint}; a map lookup on a cached hash, no allocation. */
  EndpointMetrics endpoint(String endpoint) {
    EndpointMetrics found = endpoint == null ? null : endpoints.get(endpoint);
    if (found == null) {
      throw new IllegalArgumentException(
          "endpoint '" + endpoint + "' is not registered; registered are " + endpointNames);
    }
    return found;
  }

  /** The series of {@code surface}, created on first use by a resolver. */
  SurfaceMetrics surface(String surface) {
    ModeKeys.checkSurface(surface);
    return surfaces.computeIfAbsent(
        surface,
        name ->
            new SurfaceMetrics(
                mode.labelValues(name),
                enforcePercent.labelValues(name),
                fallbacks.labelValues(name),
                inFallback.labelValues(name),
                unreadable.labelValues(name)));
  }
}
