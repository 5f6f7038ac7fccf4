package dev.greenlight.dataplane.backup;

import static dev.greenlight.dataplane.backup.RestoreTraces.assertNoRestorePassRecorded;
import static dev.greenlight.dataplane.backup.RestoreTraces.assertScratchDropped;
import static dev.greenlight.dataplane.backup.RestoreTraces.scratchDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationResult;
import dev.greenlight.dataplane.migration.ProgressListener;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC copy format against real PostgreSQL, with no pg_dump anywhere: every case points the
 * tools at an empty directory, so a stray call to pg_dump or pg_restore would fail it.
 */
class CopyFormatTest {
  private static final int SEEDED = 2_000;

  /** Values that break naive text formats, as stored stages. */
  static final List<String> AWKWARD =
      Arrays.asList(
          null,
          "",
          "tab\there",
          "line\nbreak\r\nand CR",
          "back\\slash \\N \\.",
          "\\.",
          "Série A — 種子 🚀",
          "'; DROP TABLE portfolio_companies; --",
          "$$; UPDATE portfolio_companies SET stage = 'pwned'; $$");

  private static TestDatabase db;
  private static Backups copies;
  @TempDir static Path noTools;

  @TempDir Path dir;

  @BeforeAll
  static void seed() {
    db = TestDatabase.seeded("gl_copyfmt", SEEDED, 7);
    db.jdbi()
        .useHandle(
            h -> {
              for (String stage : AWKWARD) {
                h.createUpdate("INSERT INTO portfolio_companies (name, stage) VALUES ('odd', :s)")
                    .bind("s", stage)
                    .execute();
              }
              h.execute(
                  """
                  CREATE SCHEMA "Odd Schema";
                  CREATE TABLE "Odd Schema".parent (
                      id integer PRIMARY KEY,
                      code text NOT NULL UNIQUE,
                      amount numeric(12, 2) CHECK (amount >= 0),
                      tags text[],
                      doc jsonb,
                      raw bytea,
                      at timestamptz,
                      label text COLLATE "C");
                  CREATE INDEX parent_lower_code ON "Odd Schema".parent (lower(code))
                      WHERE amount > 10;
                  CREATE TABLE "Odd Schema"."Child Rows" (
                      id integer PRIMARY KEY,
                      parent_id integer NOT NULL REFERENCES "Odd Schema".parent (id),
                      note text);
                  INSERT INTO "Odd Schema".parent VALUES
                      (1, 'a', 1.50, ARRAY['x', NULL, 'y z'], '{"k": "v\\n"}', '\\x00ff0a', now(),
                       E'tab\\tnew\\nline'),
                      (2, 'B', 99.99, '{}', NULL, NULL, NULL, NULL);
                  INSERT INTO "Odd Schema"."Child Rows" VALUES (1, 1, E'\\\\.'), (2, 2, NULL);""");
            });
    copies = db.copyBackups(noTools);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void roundTripKeepsEveryValueConstraintAndIndex() throws Exception {
    BackupResult backup = copies.backup("copy-1", dir, List.of());
    assertEquals("copy", backup.manifest().format());
    assertNull(backup.manifest().pgDumpVersion(), "no pg_dump took it");
    assertTrue(backup.manifest().tool().startsWith("PgJDBC "), backup.manifest().tool());
    assertTrue(backup.backupFile().endsWith(".copy.gz"), backup.backupFile());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "the archive and its manifest, no .partial leftovers");
    }

    try (TestDatabase target = TestDatabase.createEmpty("gl_copy_target");
        Connection c = DriverManager.getConnection(target.url())) {
      new CopyArchiveRestorer(
              Path.of(backup.backupFile()),
              System.nanoTime() + Duration.ofMinutes(1).toNanos(),
              60_000)
          .restoreInto(c);

      for (String table :
          List.of(
              "public.portfolio_companies",
              "\"Odd Schema\".parent",
              "\"Odd Schema\".\"Child Rows\"",
              "public.stage_migration_control",
              "public.stage_normalization_log")) {
        assertEquals(contentOf(db, table), contentOf(target, table), table);
      }
      assertEquals(SEEDED + AWKWARD.size(), target.count("portfolio_companies"));
      for (String stage : AWKWARD) {
        assertEquals(1L, oddRowsWithStage(target, stage), "stage " + stage);
      }
      assertEquals(constraintsOf(db), constraintsOf(target));
      assertEquals(indexesOf(db), indexesOf(target));
      assertTrue(
          constraintsOf(target).stream().anyMatch(s -> s.contains("FOREIGN KEY (parent_id)")),
          constraintsOf(target).toString());
    }
  }

  @Test
  void verifiedAndRestoreTestedCopyBackupLetsTheMigrationRun() {
    // A database of its own: the migration rewrites stages the other cases compare.
    try (TestDatabase own = TestDatabase.seeded("gl_copy_migrate", SEEDED, 8)) {
      Backups backups = own.copyBackups(noTools);
      List<String> scratchBefore = scratchDatabases(db.jdbi());
      BackupResult backup = backups.backup("copy-guard", dir, List.of("portfolio_companies"));
      Path manifest = Path.of(backup.manifestFile());
      StageMigration migration = new StageMigration(own.jdbi(), StageNormalizer.defaults());
      assertThrows(
          MissingBackupEvidenceException.class,
          () ->
              migration.apply(
                  "copy-guard", MigrationOptions.defaults(), ProgressListener.NONE, () -> false),
          "not yet verified nor restore-tested");

      backups.verify(manifest);
      RestoreTestResult restored = backups.restoreTest(manifest);

      assertEquals(
          List.of(new BackupManifest.TableRows("public.portfolio_companies", SEEDED)),
          restored.restoredTables());
      assertEquals(backup.manifest().distinctStages(), restored.distinctStages());
      assertEquals(scratchBefore, scratchDatabases(db.jdbi()), "the scratch database is dropped");
      BackupEvidence proven =
          new BackupGuard(own.jdbi())
              .requireProvenBackup("copy-guard", "public.portfolio_companies");
      assertEquals(backup.backupFile(), proven.backupFile());
      long toChange = migration.dryRun().rowsToChange();
      assertTrue(toChange > 0);
      MigrationResult result =
          migration.apply(
              "copy-guard", MigrationOptions.defaults(), ProgressListener.NONE, () -> false);
      assertEquals(toChange, result.rowsUpdated());
    }
  }

  @Test
  void tamperedArchiveIsRefusedBeforeAnyScratchDatabaseExists() throws Exception {
    BackupResult backup = copies.backup("copy-tampered", dir, List.of("portfolio_companies"));
    Path file = Path.of(backup.backupFile());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x21;
    Files.write(file, bytes);
    List<String> scratchBefore = scratchDatabases(db.jdbi());

    var e =
        assertThrows(
            BackupChecksumMismatchException.class,
            () -> copies.restoreTest(Path.of(backup.manifestFile())));

    assertTrue(e.getMessage().contains(backup.manifest().sha256()), e.getMessage());
    assertEquals(
        scratchBefore, scratchDatabases(db.jdbi()), "refused before creating a scratch database");
    assertNoRestorePassRecorded(db.jdbi(), "copy-tampered");
  }

  @Test
  void truncatedArchiveWithAMatchingManifestFailsTheRestoreAndDropsTheScratch() throws Exception {
    BackupResult backup = copies.backup("copy-truncated", dir, List.of("portfolio_companies"));
    Path file = Path.of(backup.backupFile());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    Path manifestFile = Path.of(backup.manifestFile());
    BackupManifest m = ManifestFiles.read(manifestFile);
    TamperedManifests.writtenByTheBackupStep(
        db.jdbi(), manifestFile, TamperedManifests.withFile(m, Sha256.of(file), bytes.length / 2));

    RestoreTestFailedException e =
        assertThrows(RestoreTestFailedException.class, () -> copies.restoreTest(manifestFile));

    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertScratchDropped(db.jdbi(), e);
  }

  @Test
  void restoreOverItsLimitFailsAndDropsTheScratchDatabase() {
    BackupResult backup = copies.backup("copy-slow", dir, List.of("portfolio_companies"));
    copies.verify(Path.of(backup.manifestFile()));

    RestoreTestFailedException e =
        assertThrows(
            RestoreTestFailedException.class,
            () -> copies.restoreTest(Path.of(backup.manifestFile()), Duration.ofMillis(1)));

    assertTrue(e.getMessage().contains("within the 1 ms limit"), e.getMessage());
    assertScratchDropped(db.jdbi(), e);
    assertNoRestorePassRecorded(db.jdbi(), "copy-slow");
  }

  @Test
  void statementStillRunningAtTheLimitIsCancelledAndReportedAsOverTheLimit() throws Exception {
    BackupResult backup = copies.backup("copy-cancelled", dir, List.of("portfolio_companies"));
    try (TestDatabase target = TestDatabase.createEmpty("gl_copy_slow");
        Connection c = DriverManager.getConnection(target.url())) {
      // A scratch database where every CREATE takes 5 s: the restore's first statement is still
      // running when the limit passes, so the server must cancel it (SQLState 57014).
      target
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "CREATE FUNCTION slow_ddl() RETURNS event_trigger LANGUAGE plpgsql AS"
                          + " $$BEGIN PERFORM pg_sleep(5); END$$;"
                          + " CREATE EVENT TRIGGER slow ON ddl_command_end"
                          + " EXECUTE FUNCTION slow_ddl()"));
      long started = System.nanoTime();

      var e =
          assertThrows(
              RestoreTestFailedException.class,
              () ->
                  new CopyArchiveRestorer(
                          Path.of(backup.backupFile()),
                          System.nanoTime() + Duration.ofMillis(800).toNanos(),
                          800)
                      .restoreInto(c));

      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(e.getMessage().contains("did not finish within the 800 ms limit"), e.getMessage());
      assertTrue(
          tookMillis < 4_000, "cancelled at the limit, not after the 5 s statement: " + tookMillis);
    }
  }

  @Test
  void autoUsesTheCopyFormatWhenPgDumpIsAbsentAndSaysWhy() {
    Backups auto = copies.withPolicy(BackupFormatPolicy.AUTO);

    BackupResult backup = auto.backup("copy-auto", dir, List.of("portfolio_companies"));

    assertEquals(BackupFormat.COPY, backup.manifest().backupFormat());
    assertEquals(
        "pg_dump not found in " + noTools + "; used the JDBC copy format", backup.formatReason());
    auto.verify(Path.of(backup.manifestFile()));
    assertEquals(
        SEEDED + AWKWARD.size(),
        auto.restoreTest(Path.of(backup.manifestFile())).restoredTables().get(0).rows());
  }

  @Test
  void partitionedTableIsRefusedNamingItAndLeavesNoFile() throws Exception {
    try (TestDatabase own = TestDatabase.create("gl_copy_partitioned")) {
      own.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at);"
                          + " CREATE TABLE events_2026 PARTITION OF events"
                          + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"));
      Backups backups = own.copyBackups(noTools);

      var e =
          assertThrows(
              DataPlaneException.class, () -> backups.backup("copy-partitioned", dir, List.of()));

      assertTrue(e.getMessage().contains("public.events has relkind 'p'"), e.getMessage());
      assertTrue(e.getMessage().contains("pg_dump format"), e.getMessage());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(0, files.count(), "no archive, no .partial, no manifest");
      }
      assertTrue(new BackupEvidenceStore(own.jdbi()).forRun("copy-partitioned").isEmpty());
    }
  }

  @Test
  void pgDumpPolicyStillRequiresPgDumpAndWritesNothing() throws Exception {
    Backups pgDumpOnly = copies.withPolicy(BackupFormatPolicy.PG_DUMP);

    var e =
        assertThrows(
            PgToolMissingException.class,
            () -> pgDumpOnly.backup("copy-none", dir, List.of("portfolio_companies")));

    assertTrue(e.getMessage().contains("pg_dump not found"), e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private static long oddRowsWithStage(TestDatabase database, String stage) {
    return database.count(
        "portfolio_companies WHERE name = 'odd' AND stage IS NOT DISTINCT FROM :v", stage);
  }

  private static String contentOf(TestDatabase database, String table) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n'"
                            + " ORDER BY t::text), '')) FROM "
                            + table
                            + " t")
                    .mapTo(String.class)
                    .one());
  }

  private static List<String> constraintsOf(TestDatabase database) {
    return column(
        database,
        "SELECT conrelid::regclass || ' ' || conname || ' ' ||"
            + " pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n"
            + " ON n.oid = c.connamespace WHERE n.nspname NOT LIKE 'pg\\_%'"
            + " AND n.nspname <> 'information_schema' AND contype <> 'n'"
            + " AND conrelid <> 0 ORDER BY 1");
  }

  private static List<String> indexesOf(TestDatabase database) {
    return column(
        database,
        "SELECT indexdef FROM pg_indexes WHERE schemaname NOT LIKE 'pg\\_%'"
            + " AND schemaname <> 'information_schema' ORDER BY 1");
  }

  /** The one text column {@code sql} selects from {@code database}, row by row. */
  private static List<String> column(TestDatabase database, String sql) {
    return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }
}
