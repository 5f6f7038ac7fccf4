package dev.greenlight.dataplane.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.Stage;
import dev.greenlight.validator.StageNormalizer;
import org.junit.jupiter.api.Test;

class PortfolioSeederTest {
  private static final StageNormalizer NORMALIZER = StageNormalizer.defaults();

  @Test
  void sameSeedWritesIdenticalTablesAndReportsTheMixItWrote() {
    try (TestDatabase a = TestDatabase.create("gl_seed_a");
        TestDatabase b = TestDatabase.create("gl_seed_b");
        TestDatabase c = TestDatabase.create("gl_seed_c")) {
      SeedReport report = new PortfolioSeeder(a.jdbi(), NORMALIZER).seed(20_000, 99);
      new PortfolioSeeder(b.jdbi(), NORMALIZER).seed(20_000, 99);
      new PortfolioSeeder(c.jdbi(), NORMALIZER).seed(20_000, 100);

      assertEquals(a.companiesChecksum(), b.companiesChecksum(), "same seed, same rows");
      assertNotEquals(a.companiesChecksum(), c.companiesChecksum(), "another seed, other rows");
      assertEquals(20_000, a.count("portfolio_companies"));
      assertEquals(1, report.firstId());
      assertEquals(20_000, report.lastId());
      assertEquals(report.rowsNull(), a.count("portfolio_companies WHERE stage IS NULL"));
      assertEquals(
          report.rowsAlreadyCanonical(),
          a.count(
              "portfolio_companies WHERE stage IN ('"
                  + String.join("','", Stage.wireNames())
                  + "')"));
      assertEquals(
          20_000,
          report.rowsAlreadyCanonical()
              + report.rowsToChange()
              + report.rowsUnmappable()
              + report.rowsNull());
      assertEquals(
          20_000, report.rowsByCategory().values().stream().mapToLong(Long::longValue).sum());
      double changeShare = report.rowsToChange() / 20_000.0;
      assertTrue(
          changeShare > 0.37 && changeShare < 0.43, "about 40 % need change: " + changeShare);
      assertTrue(report.rowsByCategory().get(SeedCategory.BLANK) > 0);
      assertTrue(report.rowsByCategory().get(SeedCategory.LATE_SERIES) > 0);
      assertTrue(
          a.count("portfolio_companies WHERE stage = E'seed\\nseries-a'") > 0,
          "values with newlines survive COPY's escaping");
      assertTrue(
          a.count("portfolio_companies WHERE stage = E'series\\\\a'") > 0, "and backslashes");
    }
  }

  @Test
  void seedingAppendsAfterExistingRows() {
    try (TestDatabase db = TestDatabase.create("gl_seed_append")) {
      PortfolioSeeder seeder = new PortfolioSeeder(db.jdbi(), NORMALIZER);
      seeder.seed(100, 1);
      SeedReport second = seeder.seed(50, 2);
      assertEquals(101, second.firstId());
      assertEquals(150, second.lastId());
    }
  }

  @Test
  void everySpellingInTheMixMeansWhatItsCategorySays() {
    for (String variant : StageSampler.VARIANTS) {
      String canonical = NORMALIZER.normalizeToWireName(variant);
      assertTrue(
          canonical != null && !canonical.equals(variant), "variant maps and differs: " + variant);
    }
    for (String late : StageSampler.LATE_SERIES) {
      assertEquals("series-c+", NORMALIZER.normalizeToWireName(late), late);
    }
    for (String junk : StageSampler.JUNK) {
      assertNull(NORMALIZER.normalize(junk), "junk stays unmappable: " + junk);
    }
    for (String blank : StageSampler.BLANKS) {
      assertNull(NORMALIZER.normalize(blank));
    }
  }
}
