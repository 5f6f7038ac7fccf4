package dev.greenlight.dataplane.seed;

import dev.greenlight.validator.Stage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A deterministic source of realistic {@code stage} values: the same random sequence always yields
 * the same values. The mix is about 48 % canonical, 31 % other spellings, 9 % series D–F, 3 %
 * blank, 4 % NULL and 5 % junk — so about 40 % of rows need rewriting.
 *
 * <p>Stateless and thread-safe; the caller owns the {@link SplittableRandom}.
 */
final class StageSampler {
  /** A value and what kind it is. */
  record Sample(SeedCategory category, String value) {}

  static final List<String> VARIANTS =
      List.of(
          "Pre-Seed",
          "pre seed",
          "PRE_SEED",
          "preseed",
          "Pre-Seed Round",
          "angel",
          "Angel Round",
          "friends and family",
          "Seed",
          "SEED",
          "seed round",
          "Seed Stage",
          " seed ",
          "seed+",
          "Seed Funding",
          "Series A",
          "series_a",
          "SERIES-A",
          "Series A Round",
          "series a",
          "seriesA",
          "Series-A funding",
          "Series B",
          "series_b",
          "SERIES B",
          "Series B Round",
          "series.b",
          "Series C",
          "series_c",
          "Series C Round",
          "Series C+",
          "series c plus",
          "growth",
          "Growth Stage");

  static final List<String> LATE_SERIES =
      List.of("Series D", "series_e", "SERIES F", "Series D Round", "series-e", "series f");

  static final List<String> BLANKS = List.of("", "   ", "\t");

  /** Junk that reads like SQL injection: it must stay data at every step. */
  static final List<String> SQL_LOOKING =
      List.of(
          "'; DROP TABLE portfolio_companies; --",
          "seed'); DELETE FROM stage_normalization_log; --",
          "' OR '1'='1",
          "series-a\"; TRUNCATE stage_migration_control; --",
          "$$; UPDATE portfolio_companies SET stage = 'pwned'; $$",
          "\\'; SELECT pg_sleep(10); --");

  /** In a fixed order: the seed picks by index, so reordering would change every seeded table. */
  static final List<String> JUNK =
      Stream.of(
              List.of(
                  "TBD",
                  "unknown",
                  "n/a",
                  "-",
                  "IPO",
                  "Series Z9",
                  "Série A",
                  "bootstrapped",
                  "Series",
                  "seed\nseries-a",
                  "series\\a"),
              SQL_LOOKING,
              List.of("x".repeat(80)))
          .flatMap(List::stream)
          .toList();

  private static final List<String> CANONICAL = Stage.wireNames();

  private StageSampler() {}

  static Sample next(SplittableRandom random) {
    int roll = random.nextInt(1000);
    if (roll < 480) {
      return new Sample(SeedCategory.CANONICAL, pick(CANONICAL, random));
    } else if (roll < 790) {
      return new Sample(SeedCategory.VARIANT, pick(VARIANTS, random));
    } else if (roll < 880) {
      return new Sample(SeedCategory.LATE_SERIES, pick(LATE_SERIES, random));
    } else if (roll < 910) {
      return new Sample(SeedCategory.BLANK, pick(BLANKS, random));
    } else if (roll < 950) {
      return new Sample(SeedCategory.NULL, null);
    } else if (roll < 953) {
      // A trickle of one-off values, as legacy imports leave behind: the distinct-value count of a
      // large table then grows with its size, which is what reports must cope with.
      return new Sample(SeedCategory.JUNK, "legacy-import-" + random.nextInt(1_000_000));
    }
    return new Sample(SeedCategory.JUNK, pick(JUNK, random));
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
