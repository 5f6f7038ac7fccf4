package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.dataplane.backup.BackupChecksumMismatchException;
import dev.greenlight.dataplane.backup.BackupEvidenceStore;
import dev.greenlight.dataplane.backup.BackupManifest;
import dev.greenlight.dataplane.backup.MissingBackupEvidenceException;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DESIGN.md invariant 5: no apply without a verified backup and a passing restore test. */
class ApplyGuardTest {
  private static TestDatabase db;
  private static String pristine;
  private static StageMigration migration;

  @TempDir Path backups;

  @BeforeAll
  static void seed() {
    db = TestDatabase.seeded("gl_guard", 2_000, 3);
    pristine = db.companiesChecksum();
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @AfterEach
  void tableUntouched() {
    assertEquals(pristine, db.companiesChecksum(), "a refused apply must not change a row");
    assertEquals(0, db.count("stage_normalization_log"));
  }

  @Test
  void applyWithoutAnyBackupIsRefused() {
    MissingBackupEvidenceException e =
        assertThrows(MissingBackupEvidenceException.class, () -> apply("no-backup"));
    assertTrue(e.getMessage().contains("run no-backup"), e.getMessage());
    assertTrue(e.getMessage().contains("has no backup"), e.getMessage());
    assertEquals(0, db.count("stage_migration_control"), "a refused run is not even started");
  }

  /** A backup that is on record but not proven: unverified, or verified but never restored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unverified,    false, neither verified nor restore-tested",
    "verified-only, true,  has not passed a restore test"
  })
  void applyWithAnUnprovenBackupIsRefused(String runId, boolean verified, String reason)
      throws Exception {
    record(runId, verified, false);
    MissingBackupEvidenceException e =
        assertThrows(MissingBackupEvidenceException.class, () -> apply(runId));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void anotherRunsProvenBackupDoesNotCount() {
    ProvenBackups.prove(db.jdbi(), "other-run", backups);
    MissingBackupEvidenceException e =
        assertThrows(MissingBackupEvidenceException.class, () -> apply("this-run"));
    assertTrue(e.getMessage().contains("run this-run"), e.getMessage());
  }

  @Test
  void backupOfAnotherTableDoesNotCount() throws Exception {
    record("wrong-table", new BackupManifest.TableRows("public.other_table", 1), true, true);
    MissingBackupEvidenceException e =
        assertThrows(MissingBackupEvidenceException.class, () -> apply("wrong-table"));
    assertTrue(e.getMessage().contains("public.portfolio_companies"), e.getMessage());
  }

  @Test
  void provenBackupTamperedAfterwardsIsRefused() throws Exception {
    String message =
        refusedOnceChanged(
            "tampered-later",
            file -> Files.writeString(file, "tampered"),
            BackupChecksumMismatchException.class);
    assertTrue(message.contains("checksum mismatch"), message);
  }

  @Test
  void provenBackupDeletedAfterwardsIsRefused() throws Exception {
    String message =
        refusedOnceChanged("deleted-later", Files::delete, MissingBackupEvidenceException.class);
    assertTrue(message.contains("no longer readable"), message);
  }

  /** What to do to a proven backup's file behind the evidence's back. */
  private interface FileChange {
    void apply(Path file) throws Exception;
  }

  /**
   * Proves a backup for {@code runId}, then changes its file: the apply must be refused with {@code
   * refusal}, whose message this returns.
   */
  private String refusedOnceChanged(
      String runId, FileChange change, Class<? extends RuntimeException> refusal) throws Exception {
    change.apply(ProvenBackups.prove(db.jdbi(), runId, backups));
    return assertThrows(refusal, () -> apply(runId)).getMessage();
  }

  /** Records a backup of the companies for {@code runId}, verified and restore-tested as told. */
  private void record(String runId, boolean verified, boolean restoreTested) throws Exception {
    record(
        runId,
        new BackupManifest.TableRows("public.portfolio_companies", 2_000),
        verified,
        restoreTested);
  }

  /** Records a backup of {@code table} alone for {@code runId}. */
  private void record(
      String runId, BackupManifest.TableRows table, boolean verified, boolean restoreTested)
      throws Exception {
    Path file = backups.resolve(runId + ".dump");
    Files.writeString(file, runId);
    BackupManifest manifest = manifest(file, List.of(table));
    BackupEvidenceStore store = new BackupEvidenceStore(db.jdbi());
    store.recordBackup(runId, "m.json", manifest, file.toString(), null);
    if (verified) {
      store.markVerified(runId, file.toString(), manifest.sha256());
    }
    if (restoreTested) {
      store.recordRestoreTestPassed(runId, file.toString(), 1);
    }
  }

  private static BackupManifest manifest(Path file, List<BackupManifest.TableRows> tables) {
    return new BackupManifest(
        BackupManifest.FORMAT_VERSION,
        "ignored",
        file.getFileName().toString(),
        "0".repeat(64),
        1,
        db.name(),
        "15",
        "15",
        tables,
        null,
        "2026-01-01T00:00:00Z",
        0,
        "pg_dump",
        "15");
  }

  private MigrationResult apply(String runId) {
    return migration.apply(runId, MigrationOptions.defaults(), ProgressListener.NONE, () -> false);
  }
}
