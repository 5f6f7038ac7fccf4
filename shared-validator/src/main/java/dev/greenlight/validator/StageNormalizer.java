package dev.greenlight.validator;

import dev.greenlight.validator.internal.AliasTable;
import dev.greenlight.validator.internal.StageKey;
import dev.greenlight.validator.internal.StageKeyTable;
import java.util.HashMap;
import java.util.Map;

/**
 * A mapping from messy {@code stage} input to a canonical {@link Stage}, or to unknown (null) —
 * never a guess.
 *
 * <p>Case, surrounding and repeated whitespace, and the separators space, underscore, dot and
 * hyphen do not matter; the filler words "round", "stage" and "funding" are ignored; series letters
 * beyond C map to {@code series-c+}; an alias table covers the rest. The default table ships as the
 * resource {@code stage-aliases.properties}; {@link #withAliases} layers an API service's own
 * entries on top.
 *
 * <p>This is the single source of truth for normalization: the API validates with it and the data
 * migration rewrites rows with it. Immutable and thread-safe; {@link #normalize} never throws and
 * allocates nothing.
 */
public final class StageNormalizer {
  private static final StageNormalizer DEFAULT = new StageNormalizer(AliasTable.loadDefault());

  /** Exact input spellings answered without building a key: canonical values and raw aliases. */
  private final Map<String, Stage> exact;

  /** Normalized keys (see {@link StageKey}) to stages, read without building the key. */
  private final StageKeyTable byKey;

  private StageNormalizer(Map<String, Stage> aliases) {
    Map<String, Stage> keys = new HashMap<>();
    Map<String, Stage> exactSpellings = new HashMap<>();
    for (Stage stage : Stage.values()) {
      keys.put(StageKey.of(stage.wireName()), stage);
      exactSpellings.put(stage.wireName(), stage);
    }
    for (char letter = 'd'; letter <= 'z'; letter++) {
      keys.put("series" + letter, Stage.SERIES_C_PLUS);
    }
    aliases.forEach(
        (alias, stage) -> {
          String key = StageKey.of(alias);
          if (key == null) {
            throw new IllegalArgumentException(
                "stage alias '" + alias + "' is empty once separators and fillers are removed");
          }
          keys.put(key, stage);
          exactSpellings.put(alias, stage);
        });
    this.byKey = new StageKeyTable(keys);
    this.exact = Map.copyOf(exactSpellings);
  }

  /** The normalizer with the shipped alias table. */
  public static StageNormalizer defaults() {
    return DEFAULT;
  }

  /**
   * A normalizer with this one's aliases plus {@code extra} (alias → canonical wire name), where
   * {@code extra} wins on a clash.
   *
   * @throws IllegalArgumentException naming the alias when a target is not a canonical stage
   */
  public StageNormalizer withAliases(Map<String, String> extra) {
    Map<String, Stage> merged = new HashMap<>(exact);
    for (Stage stage : Stage.values()) {
      merged.remove(stage.wireName());
    }
    merged.putAll(AliasTable.parse(extra));
    return new StageNormalizer(merged);
  }

  /** The canonical stage for {@code raw}, or null when it is unknown (including null and blank). */
  public Stage normalize(String raw) {
    if (raw == null) {
      return null;
    }
    Stage hit = exact.get(raw);
    if (hit != null) {
      return hit;
    }
    return byKey.lookup(raw);
  }

  /** The canonical wire name for {@code raw}, or null when unknown. */
  public String normalizeToWireName(String raw) {
    Stage stage = normalize(raw);
    return stage == null ? null : stage.wireName();
  }
}
