package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StageNormalizerTest {
  private final StageNormalizer normalizer = StageNormalizer.defaults();

  @Test
  void canonicalValuesMapToThemselves() {
    for (Stage stage : Stage.values()) {
      assertEquals(stage, normalizer.normalize(stage.wireName()));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Series A Round|series-a",
        "series_b|series-b",
        "SERIES-C|series-c",
        "  series   a  |series-a",
        "Series.A|series-a",
        "pre seed|pre-seed",
        "PreSeed|pre-seed",
        "Seed Stage|seed",
        "series d|series-c+",
        "Series E round|series-c+",
        "series-f|series-c+",
        "Series C+|series-c+",
        "series c plus|series-c+",
        "Angel|pre-seed",
        "seed funding round|seed",
      })
  void messySpellingsMapToCanonical(String raw, String expected) {
    assertEquals(expected, normalizer.normalizeToWireName(raw));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "round",
        "series",
        "ipo",
        "series a1",
        "'; DROP TABLE portfolio_companies; --",
        "seed\u0000",
        "s\u00e9ed",
        "series \uD83D\uDE80"
      })
  void unknownInputIsUnknownNeverAGuess(String raw) {
    assertNull(normalizer.normalize(raw));
  }

  @Test
  void nullAndHugeInputAreUnknown() {
    assertNull(normalizer.normalize(null));
    assertNull(normalizer.normalize("seed".repeat(25_000)));
  }

  @Test
  void apiServiceAliasesOverrideTheShippedTable() {
    StageNormalizer custom = normalizer.withAliases(Map.of("angel", "seed", "bridge", "seed"));
    assertEquals(Stage.SEED, custom.normalize("Angel Round"));
    assertEquals(Stage.SEED, custom.normalize("bridge"));
    assertEquals(Stage.PRE_SEED, normalizer.normalize("angel"));
  }

  @Test
  void aliasToNonCanonicalTargetIsRefusedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> normalizer.withAliases(Map.of("bridge", "series-z")));
    assertTrue(e.getMessage().contains("'bridge' maps to 'series-z'"), e.getMessage());
  }
}
