package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationResult.Outcome;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ValidatorMetricsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ValidatorMetrics metrics =
      new ValidatorMetrics(registry, Set.of("create", "update"));
  private final AtomicReference<ModeRecord> mode = new AtomicReference<>();
  private final StageValidator validator =
      new StageValidator(StageNormalizer.defaults(), mode::get, metrics);

  private void set(ValidationMode validationMode, int percent) {
    mode.set(new ModeRecord(validationMode, percent, 1, "test", "test", Instant.EPOCH));
  }

  @Test
  void everyValidationIsCountedByEndpointModeAndOutcome() {
    set(ValidationMode.OFF, 0);
    validator.validate("create", "c", "Series A");
    set(ValidationMode.WARN, 0);
    validator.validate("create", "c", "seed");
    validator.validate("create", "c", "Series B");
    validator.validate("create", "c", "ipo");
    set(ValidationMode.ENFORCE, 100);
    validator.validate("update", "c", "ipo");
    validator.validate("update", "c", "bogus");
    validator.validate("update", "c", "growth");

    assertEquals(1, requests("create", "off", "passed_untouched"));
    assertEquals(2, requests("create", "warn", "accepted"));
    assertEquals(1, requests("create", "warn", "accepted_unknown"));
    assertEquals(2, requests("update", "enforce", "rejected"));
    assertEquals(1, requests("update", "enforce", "accepted"));
    assertEquals(0, requests("update", "warn", "accepted"));
    assertEquals(1, warnUnknowns("create"));
    assertEquals(0, warnUnknowns("update"));
    assertEquals(
        2, MetricValues.counter(registry, "stage_enforce_rejections", "endpoint", "update"));
    assertEquals(4, timed("create"));
    assertEquals(3, timed("update"));
  }

  @Test
  void offStillClassifiesAsAShadowAndCountsUnknownValuesAsShadowUnknown() {
    // The OFF phase records the baseline unknown fraction from these counters: without the shadow
    // classification every off validation was passed_untouched and the baseline always read 0.
    set(ValidationMode.OFF, 0);
    for (String raw : new String[] {"seed", "Series A", "unicorn", "ipo", null, "angel"}) {
      ValidationResult result = validator.validate("create", "c", raw);
      assertEquals(Outcome.PASSED_UNTOUCHED, result.outcome(), "off acts on nothing: " + raw);
      assertEquals(raw, result.stage());
      assertNull(result.canonical());
    }

    assertEquals(3, requests("create", "off", "passed_untouched"));
    assertEquals(3, requests("create", "off", "shadow_unknown"));
    // Shadow unknowns are not WARN's unknowns: the WARN gates and rules must not see them.
    assertEquals(0, warnUnknowns("create"));
    assertEquals(0, requests("create", "warn", "accepted_unknown"));
    assertEquals(6, timed("create"));
  }

  @Test
  void exposedNamesFollowPrometheusConventions() {
    set(ValidationMode.WARN, 0);
    validator.validate("create", "c", "seed");
    metrics.surface("companies").show(ModeRecord.defaultOf(ValidationMode.WARN));
    metrics.surface("companies").fallback();
    String text = MetricValues.text(registry);
    for (String line :
        new String[] {
          "stage_validation_requests_total{endpoint=\"create\",mode=\"warn\",outcome=\"accepted\"} 1",
          "stage_warn_unknown_total{endpoint=\"create\"} 0",
          "stage_enforce_rejections_total{endpoint=\"create\"} 0",
          "stage_validation_duration_seconds_bucket{endpoint=\"create\",le=\"1.0E-6\"}",
          "stage_validation_duration_seconds_bucket{endpoint=\"create\",le=\"0.01\"} 1",
          "stage_validation_duration_seconds_count{endpoint=\"create\"} 1",
          "stage_validation_mode{surface=\"companies\"} 1",
          "stage_validation_enforce_percent{surface=\"companies\"} 0",
          "stage_mode_fallbacks_total{surface=\"companies\"} 1",
        }) {
      assertTrue(text.contains(line), () -> "missing " + line + " in\n" + text);
    }
  }

  @Test
  void seriesForImpossibleModeOutcomePairsDoNotExist() {
    String text = MetricValues.text(registry);
    assertTrue(text.contains("mode=\"off\",outcome=\"passed_untouched\"} 0"), text);
    assertTrue(text.contains("mode=\"off\",outcome=\"shadow_unknown\"} 0"), text);
    assertTrue(!text.contains("mode=\"warn\",outcome=\"shadow_unknown\""), text);
    assertTrue(!text.contains("mode=\"off\",outcome=\"rejected\""), text);
    assertTrue(!text.contains("mode=\"warn\",outcome=\"rejected\""), text);
  }

  @Test
  void noEndpointsOrBlankEndpointIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValidatorMetrics(new PrometheusRegistry(), Set.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValidatorMetrics(new PrometheusRegistry(), Set.of(" ")));
  }

  /** How many validations at {@code endpoint} the duration histogram timed. */
  private long timed(String endpoint) {
    return MetricValues.histogramCount(
        registry, "stage_validation_duration_seconds", "endpoint", endpoint);
  }

  /** WARN's unknown values at {@code endpoint}: what the WARN gates and rules read. */
  private double warnUnknowns(String endpoint) {
    return MetricValues.counter(registry, "stage_warn_unknown", "endpoint", endpoint);
  }

  private double requests(String endpoint, String mode, String outcome) {
    return MetricValues.counter(
        registry,
        "stage_validation_requests",
        "endpoint",
        endpoint,
        "mode",
        mode,
        "outcome",
        outcome);
  }
}
