package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.StageNormalizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifyDistinctTest {
  private static TestDatabase db;
  private static StageMigration migration;

  @BeforeAll
  static void create() {
    db = TestDatabase.create("gl_distinct");
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE portfolio_companies (id bigserial PRIMARY KEY, name text, stage text)"));
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute("TRUNCATE portfolio_companies RESTART IDENTITY"));
  }

  @Test
  void canonicalAndNullStagesPass() {
    insert("seed", "seed", "series-c+", null);

    DistinctStagesReport report = migration.verifyDistinct();

    assertTrue(report.passed());
    assertEquals(4, report.totalRows());
    assertEquals(1, report.nullRows());
    assertEquals(
        List.of(
            new DistinctStagesReport.StageCount("seed", 2),
            new DistinctStagesReport.StageCount("series-c+", 1)),
        report.canonical());
  }

  @Test
  void eachOffendingValueIsReportedWithCountAndIds() {
    insert("seed", "TBD", "Series A", "TBD", "", "series-a");

    NonCanonicalStagesException e =
        assertThrows(NonCanonicalStagesException.class, migration::verifyDistinct);

    DistinctStagesReport report = e.report();
    assertEquals(3, report.offendingValues());
    assertEquals(4, report.offendingRows());
    assertEquals(
        new DistinctStagesReport.OffendingValue("TBD", 2, List.of(2L, 4L)),
        report.offending().get(0));
    assertTrue(
        report.offending().contains(new DistinctStagesReport.OffendingValue("", 1, List.of(5L))));
    assertTrue(
        report
            .offending()
            .contains(new DistinctStagesReport.OffendingValue("Series A", 1, List.of(3L))));
    assertTrue(e.getMessage().contains("'TBD' x2 (ids 2, 4)"), e.getMessage());
  }

  @Test
  void nullFailsWhenNotAllowed() {
    insert("seed", null);

    NonCanonicalStagesException e =
        assertThrows(NonCanonicalStagesException.class, () -> migration.verifyDistinct(false));

    assertNull(e.report().offending().get(0).value());
    assertTrue(e.getMessage().contains("NULL x1"), e.getMessage());
    assertTrue(migration.inspectDistinct().passed(), "the default allows NULL");
  }

  private static void insert(String... stages) {
    db.jdbi()
        .useHandle(
            h -> {
              for (String stage : stages) {
                h.createUpdate("INSERT INTO portfolio_companies (name, stage) VALUES ('c', :s)")
                    .bind("s", stage)
                    .execute();
              }
            });
  }
}
