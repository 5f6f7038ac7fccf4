package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage values that look like SQL are just data: previewed, logged and reported verbatim. */
class SqlLookingStagesTest {
  /** The seeder's own SQL-looking junk, then placeholders and escapes only this test writes. */
  static final List<String> HOSTILE =
      Stream.concat(
              PortfolioSeeder.SQL_LOOKING_STAGES.stream(),
              Stream.of(
                  ":run",
                  "?",
                  "%s %d {0}",
                  "E'\\x27'",
                  "seed\ttab\nnewline",
                  "Robert'); DROP TABLE stage_normalization_log;--"))
          .toList();

  private static TestDatabase db;
  private static StageMigration migration;

  @TempDir static Path backups;

  @BeforeAll
  static void seed() {
    db = TestDatabase.create("gl_sqlish");
    new PortfolioSeeder(db.jdbi(), StageNormalizer.defaults()).createTableIfAbsent();
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO portfolio_companies (name, stage) SELECT 'c' || g,"
                      + " (ARRAY['Series A', 'series_b', 'seed', NULL])[1 + g % 4]"
                      + " FROM generate_series(1, 500) g");
              for (String value : HOSTILE) {
                h.createUpdate("INSERT INTO portfolio_companies (name, stage) VALUES ('x', :v)")
                    .bind("v", value)
                    .execute();
              }
            });
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void sqlLookingValuesAreDataThroughDryRunApplyAndVerify() {
    Set<String> hostile = Set.copyOf(HOSTILE);

    DryRunReport preview = migration.dryRun();
    Set<String> previewed =
        preview.unmappable().stream()
            .map(DryRunReport.UnmappableValue::value)
            .collect(Collectors.toSet());
    assertTrue(
        previewed.containsAll(hostile), "every hostile value is listed verbatim: " + previewed);

    ProvenBackups.prove(db.jdbi(), "sqlish", backups);
    migration.apply(
        "sqlish",
        MigrationOptions.builder().fixedBatchSize(100).build(),
        ProgressListener.NONE,
        () -> false);

    for (String value : hostile) {
      assertEquals(
          1L, db.count("portfolio_companies WHERE stage = :v", value), "left unchanged: " + value);
      assertEquals(
          1L,
          db.count(
              "stage_normalization_log WHERE old_stage = :v AND normalized_stage IS NULL", value),
          "logged once as unmappable: " + value);
    }
    assertEquals(0, db.count("portfolio_companies WHERE stage = 'pwned'"));
    assertEquals(512, db.count("portfolio_companies"));
    assertTrue(db.count("stage_migration_control") == 1);

    NonCanonicalStagesException e =
        assertThrows(NonCanonicalStagesException.class, migration::verifyDistinct);
    Set<String> offending =
        e.report().offending().stream()
            .map(DistinctStagesReport.OffendingValue::value)
            .collect(Collectors.toSet());
    assertTrue(offending.containsAll(hostile), "verify reports each value verbatim");
  }
}
