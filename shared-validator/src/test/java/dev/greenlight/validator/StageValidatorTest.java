package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationResult.Outcome;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StageValidatorTest {
  private static final String ALLOWED =
      "\"allowed\":[\"pre-seed\",\"seed\",\"series-a\",\"series-b\",\"series-c\",\"series-c+\"]";

  private final AtomicReference<ModeRecord> mode = new AtomicReference<>();
  private final StageValidator validator =
      new StageValidator(
          StageNormalizer.defaults(),
          mode::get,
          new ValidatorMetrics(new PrometheusRegistry(), Set.of("create", "update")));

  private void set(ValidationMode validationMode, int percent) {
    mode.set(new ModeRecord(validationMode, percent, 1, "test", "test", Instant.EPOCH));
  }

  @Test
  void offPassesEveryValueUntouched() {
    set(ValidationMode.OFF, 0);
    for (String raw : new String[] {"Series A", "series-a", "nonsense", null, ""}) {
      ValidationResult result = validator.validate("create", "c1", raw);
      assertEquals(Outcome.PASSED_UNTOUCHED, result.outcome());
      assertEquals(raw, result.stage());
      assertNull(result.canonical());
    }
  }

  @Test
  void warnAcceptsKnownValuesNormalizedAndUnknownOnesAsSent() {
    set(ValidationMode.WARN, 0);
    ValidationResult known = validator.validate("create", "c1", "Series A Round");
    assertEquals(Outcome.ACCEPTED, known.outcome());
    assertEquals("series-a", known.stage());
    assertEquals(Stage.SERIES_A, known.canonical());
    ValidationResult unknown = validator.validate("create", "c1", "series z1");
    assertEquals(Outcome.ACCEPTED_UNKNOWN, unknown.outcome());
    assertEquals("series z1", unknown.stage());
    assertFalse(unknown.isRejected());
  }

  @Test
  void enforceAtHundredRejectsUnknownAndAcceptsKnown() {
    set(ValidationMode.ENFORCE, 100);
    assertEquals("seed", validator.validate("create", "c1", "SEED").stage());
    ValidationResult rejected = validator.validate("create", "c1", "ipo");
    assertTrue(rejected.isRejected());
    assertEquals(
        "{\"error\":\"invalid-stage\",\"value\":\"ipo\"," + ALLOWED + "}", rejected.errorBody());
  }

  @Test
  void enforceRejectsOnlyConsumersInsideTheCanaryPercentage() {
    set(ValidationMode.ENFORCE, 30);
    int inside = 0;
    int outside = 0;
    for (int i = 0; i < 500; i++) {
      String consumer = "consumer-" + i;
      ValidationResult result = validator.validate("update", consumer, "unicorn round");
      boolean expectInside = CanaryBucket.of(consumer) < 30;
      assertEquals(expectInside ? Outcome.REJECTED : Outcome.ACCEPTED_UNKNOWN, result.outcome());
      if (expectInside) {
        inside++;
      } else {
        outside++;
      }
      assertEquals(Outcome.ACCEPTED, validator.validate("update", consumer, "series b").outcome());
    }
    assertTrue(inside > 0 && outside > 0, inside + " inside, " + outside + " outside");
  }

  @Test
  void enforceAtZeroRejectsNobody() {
    set(ValidationMode.ENFORCE, 0);
    assertEquals(Outcome.ACCEPTED_UNKNOWN, validator.validate("create", "c1", "ipo").outcome());
  }

  @Test
  void nullConsumerKeyIsBucketedAsEmpty() {
    set(ValidationMode.ENFORCE, CanaryBucket.of("") + 1);
    assertTrue(validator.validate("create", null, "ipo").isRejected());
    set(ValidationMode.ENFORCE, CanaryBucket.of(""));
    assertFalse(validator.validate("create", null, "ipo").isRejected());
  }

  @Test
  void errorBodyEscapesTheRejectedValue() {
    set(ValidationMode.ENFORCE, 100);
    String hostile = "a\"b\\c\n\u0001</script>&\u2028\uD800x\uD83D\uDE80";
    String body = validator.validate("create", "c1", hostile).errorBody();
    assertEquals(
        "{\"error\":\"invalid-stage\",\"value\":"
            + "\"a\\\"b\\\\c\\n\\u0001\\u003c/script\\u003e\\u0026\\u2028\\ud800x\uD83D\uDE80\","
            + ALLOWED
            + "}",
        body);
    assertEquals(
        "{\"error\":\"invalid-stage\",\"value\":null," + ALLOWED + "}",
        validator.validate("create", "c1", null).errorBody());
  }

  @Test
  void acceptedResultHasNoErrorBody() {
    set(ValidationMode.WARN, 0);
    assertThrows(
        IllegalStateException.class, () -> validator.validate("create", "c1", "seed").errorBody());
  }

  @Test
  void knownValuesShareOneResultPerStage() {
    set(ValidationMode.WARN, 0);
    assertSame(
        validator.validate("create", "c1", "seed"), validator.validate("update", "c2", "Seed"));
    set(ValidationMode.OFF, 0);
    assertSame(
        validator.validate("create", "c1", "seed"), validator.validate("update", "c2", "seed"));
  }

  @Test
  void unregisteredEndpointIsRefusedNamingItAndTheRegisteredOnes() {
    set(ValidationMode.WARN, 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> validator.validate("delete", "c1", "seed"));
    assertEquals(
        "endpoint 'delete' is not registered; registered are [create, update]", e.getMessage());
  }

  @Test
  void hugeAndHostileValuesNeverThrow() {
    set(ValidationMode.ENFORCE, 100);
    String huge = "series a ".repeat(12_000);
    assertTrue(validator.validate("create", "c1", huge).isRejected());
    assertTrue(validator.validate("create", "c1", "seed\u0000").isRejected());
  }
}
