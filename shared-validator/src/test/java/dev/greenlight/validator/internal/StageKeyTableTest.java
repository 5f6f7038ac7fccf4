package dev.greenlight.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenlight.validator.Stage;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageKeyTableTest {
  private static final String[] TOKENS = {
    "series", "Series", "SERIES", "seed", "SEED", "pre", "Pre", "a", "B", "c", "c+", "d", "round",
    "Round", "STAGE", "funding", "angel", "growth", "plus", "+", "friends", "and", "family", "é",
    "\u0000", "\uD800", "\u0130", "\u212A", "x", ""
  };
  private static final String[] SEPARATORS = {" ", "_", ".", "-", "\t", "\u00a0", "  ", ""};

  private final Map<String, Stage> byKey = keys();
  private final StageKeyTable table = new StageKeyTable(byKey);

  private static Map<String, Stage> keys() {
    Map<String, Stage> keys = new HashMap<>();
    for (Stage stage : Stage.values()) {
      keys.put(StageKey.of(stage.wireName()), stage);
    }
    for (char letter = 'd'; letter <= 'z'; letter++) {
      keys.put("series" + letter, Stage.SERIES_C_PLUS);
    }
    AliasTable.loadDefault().forEach((alias, stage) -> keys.put(StageKey.of(alias), stage));
    return keys;
  }

  @Test
  void lookupAnswersWhatTheBuiltKeyWouldForNearStageSpellings() {
    Random random = new Random(5);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder raw = new StringBuilder();
      int tokens = 1 + random.nextInt(4);
      for (int t = 0; t < tokens; t++) {
        raw.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        raw.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      raw.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      String input = raw.toString();
      String key = StageKey.of(input);
      assertEquals(key == null ? null : byKey.get(key), table.lookup(input), input);
    }
  }

  @Test
  void everyKeyFindsItsStage() {
    byKey.forEach((key, stage) -> assertEquals(stage, table.lookup(key), key));
  }

  @Test
  void emptyNullAndOverlongInputsAreUnknown() {
    assertNull(table.lookup(null));
    assertNull(table.lookup(""));
    assertNull(table.lookup(" round _ stage "));
    assertNull(table.lookup("series a" + " ".repeat(StageKey.MAX_INPUT_LENGTH)));
  }
}
