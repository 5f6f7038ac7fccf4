package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksums the backup step records in PostgreSQL are the reference: a manifest and dump edited
 * consistently afterwards fail verify, the restore test and the apply guard; files are readable by
 * their owner only. Copy format against real PostgreSQL, so no client tools are needed.
 */
class RecordedChecksumTest {
  private static final String TABLE = "public.portfolio_companies";
  private static TestDatabase db;
  private static Backups backups;
  @TempDir static Path noTools;

  @TempDir Path dir;

  @BeforeAll
  static void seed() {
    db = TestDatabase.seeded("gl_recorded", 500, 3);
    backups = db.copyBackups(noTools);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void dumpAndManifestAreOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
    Path runDir = dir.resolve("backups/run-perm");
    Files.createDirectories(
        runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    BackupResult backup = backups.backup("run-perm", runDir, List.of("portfolio_companies"));

    assertEquals("rwx------", mode(runDir), "an existing run directory is narrowed");
    assertEquals("rw-------", mode(Path.of(backup.backupFile())));
    assertEquals("rw-------", mode(Path.of(backup.manifestFile())));
    try (Stream<Path> files = Files.list(runDir)) {
      assertFalse(files.anyMatch(f -> f.toString().endsWith(".partial")), "no partial file left");
    }
    Path fresh = dir.resolve("new/deeper");
    backups.backup("run-perm2", fresh, List.of("portfolio_companies"));
    assertEquals("rwx------", mode(fresh));
    assertEquals("rwx------", mode(fresh.getParent()), "directories it creates are 0700 too");
  }

  @Test
  void manifestEditedConsistentlyWithItsDumpFailsVerifyAndRestoreTest() throws Exception {
    BackupResult backup = backups.backup("run-edited", dir, List.of("portfolio_companies"));
    Path manifestFile = Path.of(backup.manifestFile());
    String recorded = backup.manifest().sha256();
    editDumpAndManifestConsistently(backup);

    BackupChecksumMismatchException e =
        assertThrows(BackupChecksumMismatchException.class, () -> backups.verify(manifestFile));

    assertEquals(manifestFile.toString(), e.file(), "the manifest itself is the altered file");
    assertTrue(e.getMessage().contains("the backup step recorded"), e.getMessage());
    assertNull(evidence("run-edited").verifiedAt());
    assertThrows(BackupChecksumMismatchException.class, () -> backups.restoreTest(manifestFile));
    assertNull(evidence("run-edited").restoreTestPassedAt());
    assertEquals(recorded, evidence("run-edited").sha256(), "the recorded checksum is untouched");
  }

  @Test
  void backupRecordedBeforeManifestChecksumsStillHoldsTheDumpToTheRecordedChecksum()
      throws Exception {
    BackupResult backup = backups.backup("run-old-row", dir, List.of("portfolio_companies"));
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE rollout_backup_evidence SET manifest_sha256 = NULL"
                        + " WHERE run_id = 'run-old-row'"));
    editDumpAndManifestConsistently(backup);

    BackupChecksumMismatchException e =
        assertThrows(
            BackupChecksumMismatchException.class,
            () -> backups.verify(Path.of(backup.manifestFile())));

    assertEquals(backup.manifest().sha256(), e.expected());
  }

  @Test
  void manifestNoBackupStepRecordedIsRefused() throws Exception {
    BackupResult backup = backups.backup("run-copied", dir, List.of("portfolio_companies"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path dump = Path.of(backup.backupFile());
    Files.copy(dump, elsewhere.resolve(dump.getFileName()));
    Path manifest = Path.of(backup.manifestFile());
    Path copiedManifest = Files.copy(manifest, elsewhere.resolve(manifest.getFileName()));

    MissingBackupEvidenceException verify =
        assertThrows(MissingBackupEvidenceException.class, () -> backups.verify(copiedManifest));
    assertTrue(verify.getMessage().contains("was never recorded"), verify.getMessage());
    assertThrows(MissingBackupEvidenceException.class, () -> backups.restoreTest(copiedManifest));
    assertEquals(1, new BackupEvidenceStore(db.jdbi()).forRun("run-copied").size());
  }

  @Test
  void guardRefusesAProvenBackupEditedConsistentlyAfterwards() throws Exception {
    BackupResult backup = backups.backup("run-guard", dir, List.of("portfolio_companies"));
    backups.verify(Path.of(backup.manifestFile()));
    backups.restoreTest(Path.of(backup.manifestFile()));
    BackupGuard guard = new BackupGuard(db.jdbi());
    guard.requireProvenBackup("run-guard", TABLE);

    editDumpAndManifestConsistently(backup);

    assertThrows(
        BackupChecksumMismatchException.class, () -> guard.requireProvenBackup("run-guard", TABLE));
  }

  /**
   * What someone covering a change does: alter the dump, then put its new digest in the manifest.
   */
  private static void editDumpAndManifestConsistently(BackupResult backup) throws Exception {
    Path dump = Path.of(backup.backupFile());
    Files.writeString(dump, "-- edited\n", java.nio.file.StandardOpenOption.APPEND);
    Path manifestFile = Path.of(backup.manifestFile());
    ManifestFiles.write(
        manifestFile,
        TamperedManifests.withFile(
            ManifestFiles.read(manifestFile), Sha256.of(dump), Files.size(dump)));
  }

  private static BackupEvidence evidence(String runId) {
    return new BackupEvidenceStore(db.jdbi()).forRun(runId).get(0);
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
