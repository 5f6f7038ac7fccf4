package dev.greenlight.referenceapi.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A class of {@code stage} value the load generator sends, each with the spellings it picks from:
 * canonical spellings, aliases the normalizer maps, and values it cannot map.
 */
public enum StageKind {
  CANONICAL(List.of("pre-seed", "seed", "series-a", "series-b", "series-c", "series-c+")),
  ALIAS(List.of("Series A", "SERIES_B", "angel", "Seed Round", "growth", "pre seed", "series c")),
  UNKNOWN(List.of("unicorn", "bridge", "mezzanine", "ipo-ish", "stealth", "series-a-prime"));

  private final List<String> spellings;

  StageKind(List<String> values) {
    this.spellings = values;
  }

  public List<String> spellings() {
    return spellings;
  }

  String pick(SplittableRandom random) {
    return spellings.get(random.nextInt(spellings.size()));
  }
}
