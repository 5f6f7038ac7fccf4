package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link StageNormalizer} over many generated inputs. A seeded {@link Random} keeps
 * every run the same, so a failure names an input that reproduces.
 */
class StageNormalizerPropertyTest {
  private static final long SEED = 20260119L;
  private static final int CASES = 20_000;
  private static final char[] SEPARATORS = {' ', '_', '.', '-', '\t', '\u00a0'};

  /** Known spellings whose separators may be swapped and whose case may change freely. */
  private static final Map<String, Stage> SPELLINGS =
      Map.ofEntries(
          Map.entry("pre-seed", Stage.PRE_SEED),
          Map.entry("seed", Stage.SEED),
          Map.entry("series-a", Stage.SERIES_A),
          Map.entry("series-b", Stage.SERIES_B),
          Map.entry("series-c", Stage.SERIES_C),
          Map.entry("series-c+", Stage.SERIES_C_PLUS),
          Map.entry("series-f", Stage.SERIES_C_PLUS),
          Map.entry("angel investment", Stage.PRE_SEED),
          Map.entry("friends and family", Stage.PRE_SEED),
          Map.entry("seed plus", Stage.SEED),
          Map.entry("series c plus", Stage.SERIES_C_PLUS),
          Map.entry("growth", Stage.SERIES_C_PLUS));

  private final StageNormalizer normalizer = StageNormalizer.defaults();
  private final Random random = new Random(SEED);

  @Test
  void neverThrowsAndIsIdempotentOnAnyInput() {
    for (int i = 0; i < CASES; i++) {
      String input = anyString(random.nextInt(80));
      Stage first = assertDoesNotThrow(() -> normalizer.normalize(input), () -> describe(input));
      if (first != null) {
        assertEquals(first, normalizer.normalize(first.wireName()), () -> describe(input));
      }
      assertEquals(first, normalizer.normalize(input), () -> describe(input));
    }
  }

  @Test
  void hundredKilobyteInputsAreUnknown() {
    for (int i = 0; i < 5; i++) {
      String huge = anyString(100 * 1024);
      assertNull(normalizer.normalize(huge));
    }
    assertNull(normalizer.normalize("series-a" + " ".repeat(100 * 1024)));
  }

  @Test
  void caseAndSeparatorsDoNotChangeTheStage() {
    List<String> spellings = new ArrayList<>(SPELLINGS.keySet());
    for (int i = 0; i < CASES; i++) {
      String spelling = spellings.get(random.nextInt(spellings.size()));
      String variant = vary(spelling);
      assertEquals(
          SPELLINGS.get(spelling),
          normalizer.normalize(variant),
          () -> spelling + " as " + describe(variant));
    }
  }

  @Test
  void everyCanonicalValueNormalizesToItself() {
    for (Stage stage : Stage.values()) {
      assertEquals(stage, normalizer.normalize(stage.wireName()));
      assertEquals(stage.wireName(), normalizer.normalizeToWireName(stage.wireName()));
    }
  }

  /** Random case per letter; every separator run replaced by 1–3 random separators; padding. */
  private String vary(String spelling) {
    StringBuilder out = new StringBuilder();
    out.append(separators(random.nextInt(3)));
    for (String token : spelling.split("[ \\-]")) {
      if (out.length() > 0 && !isAllSeparators(out)) {
        out.append(separators(1 + random.nextInt(3)));
      }
      for (char c : token.toCharArray()) {
        out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
      }
    }
    out.append(separators(random.nextInt(3)));
    return out.toString();
  }

  private static boolean isAllSeparators(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (new String(SEPARATORS).indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private String separators(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    return out.toString();
  }

  /** Letters, separators, digits, control characters, unpaired and paired surrogates, any BMP. */
  private String anyString(int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(8)) {
        case 0 -> out.append((char) ('a' + random.nextInt(26)));
        case 1 -> out.append((char) ('A' + random.nextInt(26)));
        case 2 -> out.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        case 3 -> out.append((char) random.nextInt(0x20));
        case 4 -> out.append((char) (0xD800 + random.nextInt(0x800)));
        case 5 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 6 ->
            out.append(List.of("series", "seed", "pre", "round", "+", "c").get(random.nextInt(6)));
        default -> out.append((char) random.nextInt(0x10000));
      }
    }
    return out.toString();
  }

  private static String describe(String input) {
    if (input.length() > 200) {
      return "input of " + input.length() + " chars starting " + escape(input.substring(0, 200));
    }
    return "input " + escape(input);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }
}
