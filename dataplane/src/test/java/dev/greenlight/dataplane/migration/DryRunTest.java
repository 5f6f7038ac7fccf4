package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.dataplane.seed.SeedReport;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {
  private static TestDatabase db;
  private static SeedReport seeded;

  @TempDir static Path backups;

  @BeforeAll
  static void seed() {
    db = TestDatabase.create("gl_dryrun");
    seeded = new PortfolioSeeder(db.jdbi(), StageNormalizer.defaults()).seed(20_000, 42);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void dryRunChangesNothingAndPredictsWhatApplyDoes() {
    StageMigration migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
    String before = db.companiesChecksum();

    DryRunReport preview = migration.dryRun();

    assertEquals(before, db.companiesChecksum(), "dry run must not change portfolio_companies");
    assertEquals(0, db.count("stage_migration_control"));
    assertEquals(0, db.count("stage_normalization_log"));
    assertEquals(20_000, preview.totalRows());
    assertEquals(seeded.rowsToChange(), preview.rowsToChange());
    assertEquals(seeded.rowsUnmappable(), preview.rowsUnmappable());
    assertEquals(seeded.rowsNull(), preview.rowsNull());
    assertEquals(
        preview.rowsToChange(),
        preview.mappings().stream().mapToLong(DryRunReport.StageMapping::rows).sum());
    assertTrue(
        preview.unmappable().stream().allMatch(v -> !v.sampleIds().isEmpty()),
        "every unmappable value comes with sample ids");

    ProvenBackups.prove(db.jdbi(), "dry-run-then-apply", backups);
    MigrationResult applied =
        migration.apply(
            "dry-run-then-apply",
            MigrationOptions.builder().fixedBatchSize(3_000).build(),
            ProgressListener.NONE,
            () -> false);

    assertEquals(MigrationStatus.COMPLETED, applied.status());
    assertEquals(preview.rowsToChange(), applied.rowsUpdated());
    assertEquals(preview.rowsUnmappable(), applied.rowsUnmappable());
    assertEquals(preview.totalRows(), applied.rowsScanned());
    assertEquals(
        preview.rowsToChange(),
        db.count("stage_normalization_log WHERE normalized_stage IS NOT NULL"));
    assertEquals(
        preview.rowsUnmappable(),
        db.count("stage_normalization_log WHERE normalized_stage IS NULL"));
    DryRunReport after = migration.dryRun();
    assertEquals(0, after.rowsToChange(), "nothing is left to change after apply");
    assertEquals(preview.rowsUnmappable(), after.rowsUnmappable());
  }
}
