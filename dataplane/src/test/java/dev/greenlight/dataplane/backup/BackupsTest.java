package dev.greenlight.dataplane.backup;

import static dev.greenlight.dataplane.backup.RestoreTraces.assertNoRestorePassRecorded;
import static dev.greenlight.dataplane.backup.RestoreTraces.assertScratchDropped;
import static dev.greenlight.dataplane.backup.RestoreTraces.scratchDatabases;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.localservices.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup, verify and restore test against real PostgreSQL with the real pg_dump/pg_restore. */
class BackupsTest {
  private static final int ROWS = 3_000;
  private static TestDatabase db;
  private static Backups backups;

  @TempDir Path dir;

  @BeforeAll
  static void seed() {
    db = TestDatabase.seeded("gl_backup", ROWS, 5);
    backups = new Backups(db.jdbi(), db.address(), PgTools.fromPath());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void needsPgDump() {
    assumeTrue(
        ExternalTools.present("pg_dump", "pg_restore"),
        ExternalTools.skipReason("pg_dump", "pg_restore"));
  }

  @Test
  void backupWritesDumpAndManifestOfOneSnapshot() throws Exception {
    BackupResult result = backups.backup("run-b1", dir, List.of());

    Path file = Path.of(result.backupFile());
    BackupManifest manifest = ManifestFiles.read(Path.of(result.manifestFile()));
    assertEquals(manifest, result.manifest());
    assertEquals(Sha256.of(file), manifest.sha256());
    assertEquals(Files.size(file), manifest.sizeBytes());
    assertTrue(
        manifest
            .tables()
            .contains(new BackupManifest.TableRows("public.portfolio_companies", ROWS)),
        manifest.tables().toString());
    assertTrue(
        manifest.tables().stream()
            .anyMatch(t -> t.table().equals("public.stage_migration_control")));
    assertEquals(
        db.count("(SELECT DISTINCT stage FROM portfolio_companies) d WHERE stage IS NOT NULL"),
        manifest.distinctStages());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "just the dump and its manifest, no .partial leftovers");
    }
    BackupEvidence evidence = new BackupEvidenceStore(db.jdbi()).forRun("run-b1").get(0);
    assertEquals(manifest.sha256(), evidence.sha256());
    assertNull(evidence.verifiedAt(), "a fresh backup is not yet verified");
  }

  @Test
  void verifiedAndRestoreTestedBackupSatisfiesTheGuard() {
    BackupResult backup = backups.backup("run-b2", dir, List.of());
    List<String> scratchBefore = scratchDatabases(db.jdbi());

    backups.verify(Path.of(backup.manifestFile()));
    RestoreTestResult restored = backups.restoreTest(Path.of(backup.manifestFile()));

    assertEquals(backup.manifest().tables(), restored.restoredTables());
    assertEquals(backup.manifest().distinctStages(), restored.distinctStages());
    assertTrue(restored.durationMillis() <= restored.limitMillis());
    assertEquals(scratchBefore, scratchDatabases(db.jdbi()), "the scratch database is dropped");
    assertTrue(!scratchDatabases(db.jdbi()).contains(restored.scratchDatabase()));
    BackupEvidence proven =
        new BackupGuard(db.jdbi()).requireProvenBackup("run-b2", "public.portfolio_companies");
    assertNotNull(proven.restoreDurationMillis());
  }

  @Test
  void tamperedBackupFailsVerificationAndRestoreTestRefusesIt() throws Exception {
    BackupResult backup = backups.backup("run-b3", dir, List.of());
    Path file = Path.of(backup.backupFile());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    String tamperedSha = Sha256.of(file);
    List<String> scratchBefore = scratchDatabases(db.jdbi());

    BackupChecksumMismatchException e =
        assertThrows(
            BackupChecksumMismatchException.class,
            () -> backups.verify(Path.of(backup.manifestFile())));

    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(backup.manifest().sha256()), e.getMessage());
    assertTrue(e.getMessage().contains(tamperedSha), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(file), "verify changes nothing");
    assertNull(new BackupEvidenceStore(db.jdbi()).forRun("run-b3").get(0).verifiedAt());

    assertThrows(
        BackupChecksumMismatchException.class,
        () -> backups.restoreTest(Path.of(backup.manifestFile())));
    assertEquals(
        scratchBefore, scratchDatabases(db.jdbi()), "refused before creating a scratch database");
    assertNoRestorePassRecorded(db.jdbi(), "run-b3");
  }

  @Test
  void corruptArchiveFailsRestoreWithReasonAndLeavesNoScratchDatabase() throws Exception {
    BackupResult backup = backups.backup("run-b4", dir, List.of());
    Path file = Path.of(backup.backupFile());
    // A dump that was already broken when written: truncated, yet with a matching manifest.
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    rewriteManifest(backup, m -> TamperedManifests.withFile(m, Sha256.of(file), bytes.length / 2));
    backups.verify(Path.of(backup.manifestFile()));

    RestoreTestFailedException e =
        assertThrows(
            RestoreTestFailedException.class,
            () -> backups.restoreTest(Path.of(backup.manifestFile())));

    assertTrue(e.getMessage().contains("pg_restore exited with"), e.getMessage());
    assertScratchDropped(db.jdbi(), e);
    assertNoRestorePassRecorded(db.jdbi(), "run-b4");
  }

  @Test
  void restoreThatDisagreesWithTheManifestFails() throws Exception {
    BackupResult backup = backups.backup("run-b5", dir, List.of());
    rewriteManifest(backup, m -> withRows(m, "public.portfolio_companies", ROWS + 1));

    RestoreTestFailedException e =
        assertThrows(
            RestoreTestFailedException.class,
            () -> backups.restoreTest(Path.of(backup.manifestFile())));

    assertTrue(
        e.getMessage()
            .contains(
                "public.portfolio_companies has "
                    + ROWS
                    + " rows in the restored"
                    + " copy but the manifest says "
                    + (ROWS + 1)),
        e.getMessage());
    assertTrue(!scratchDatabases(db.jdbi()).contains(e.scratchDatabase()));
  }

  @Test
  void restoreTestOverItsLimitFails() {
    BackupResult backup = backups.backup("run-b6", dir, List.of());

    RestoreTestFailedException e =
        assertThrows(
            RestoreTestFailedException.class,
            () -> backups.restoreTest(Path.of(backup.manifestFile()), Duration.ofMillis(1)));

    assertTrue(e.getMessage().contains("limit"), e.getMessage());
    assertTrue(!scratchDatabases(db.jdbi()).contains(e.scratchDatabase()));
  }

  @Test
  void backupOfChosenTablesRestoresOnItsOwn() {
    BackupResult backup = backups.backup("run-b7", dir, List.of("portfolio_companies"));

    assertEquals(
        List.of(new BackupManifest.TableRows("public.portfolio_companies", ROWS)),
        backup.manifest().tables());
    backups.verify(Path.of(backup.manifestFile()));
    RestoreTestResult restored = backups.restoreTest(Path.of(backup.manifestFile()));
    assertEquals(backup.manifest().tables(), restored.restoredTables());
  }

  @Test
  void backupOfAMissingTableFailsNamingIt() {
    var e =
        assertThrows(
            dev.greenlight.dataplane.DataPlaneException.class,
            () -> backups.backup("run-b8", dir, List.of("no_such_table")));
    assertTrue(e.getMessage().contains("'no_such_table' does not exist"), e.getMessage());
  }

  private interface ManifestEdit {
    BackupManifest apply(BackupManifest manifest) throws Exception;
  }

  /** The manifest as a faulty backup step would have written and recorded it. */
  private static void rewriteManifest(BackupResult backup, ManifestEdit edit) throws Exception {
    Path manifestFile = Path.of(backup.manifestFile());
    TamperedManifests.writtenByTheBackupStep(
        db.jdbi(), manifestFile, edit.apply(ManifestFiles.read(manifestFile)));
  }

  private static BackupManifest withRows(BackupManifest m, String table, long rows) {
    List<BackupManifest.TableRows> tables =
        m.tables().stream()
            .map(t -> t.table().equals(table) ? new BackupManifest.TableRows(table, rows) : t)
            .toList();
    return new BackupManifest(
        m.formatVersion(),
        m.runId(),
        m.backupFile(),
        m.sha256(),
        m.sizeBytes(),
        m.database(),
        m.serverVersion(),
        m.pgDumpVersion(),
        tables,
        m.distinctStages(),
        m.createdAt(),
        m.dumpMillis(),
        m.format(),
        m.tool());
  }
}
