package dev.greenlight.dataplane.backup;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The gate in front of every data rewrite (DESIGN.md invariant 5): passes only when the run has a
 * backup of the table, in this database, that verified and passed a restore test — and whose file
 * still has the recorded checksum now.
 *
 * <p>Re-hashing the file at the gate closes the gap between "verified an hour ago" and "intact
 * now"; it also means the gate must run where the backup directory is readable. Thread-safe.
 */
public final class BackupGuard {
  private final Jdbi jdbi;
  private final BackupEvidenceStore store;

  public BackupGuard(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.store = new BackupEvidenceStore(jdbi);
  }

  /**
   * Returns the evidence that lets {@code runId} rewrite {@code table} ({@code schema.table}) of
   * the Jdbi's database.
   *
   * @throws MissingBackupEvidenceException saying which proof is missing and how to provide it
   * @throws BackupChecksumMismatchException when the proven file has changed since
   */
  public BackupEvidence requireProvenBackup(String runId, String table) {
    String database =
        jdbi.withHandle(h -> h.createQuery("SELECT current_database()").mapTo(String.class).one());
    String refused = "apply refused for run " + runId + ": ";
    String rule =
        " (safety invariant 5 in docs/ARCHITECTURE.md, \"Safety invariants and the tests that"
            + " guard them\": no apply without a verified backup and a passing restore test in the"
            + " same run); take, verify and restore-test a backup with run id "
            + runId
            + " first (greenlight backup --run-id "
            + runId
            + ", then backup verify and restore-test on its manifest)";
    List<BackupEvidence> all = store.forRun(runId);
    if (all.isEmpty()) {
      throw new MissingBackupEvidenceException(runId, refused + "the run has no backup" + rule);
    }
    List<BackupEvidence> covering =
        all.stream()
            .filter(e -> e.database().equals(database) && e.tables().contains(table))
            .toList();
    if (covering.isEmpty()) {
      throw new MissingBackupEvidenceException(
          runId,
          refused
              + "none of the run's "
              + all.size()
              + " backups contains "
              + table
              + " of database "
              + database
              + rule);
    }
    BackupEvidence proven =
        covering.stream().filter(BackupEvidence::proven).findFirst().orElse(null);
    if (proven == null) {
      BackupEvidence newest = covering.get(0);
      String missing =
          newest.verifiedAt() == null && newest.restoreTestPassedAt() == null
              ? "has been neither verified nor restore-tested"
              : newest.verifiedAt() == null
                  ? "has not been verified"
                  : "has not passed a restore test";
      throw new MissingBackupEvidenceException(
          runId, refused + "backup " + newest.backupFile() + " " + missing + rule);
    }
    try {
      BackupVerifier.checkFile(Path.of(proven.backupFile()), proven.sha256());
    } catch (BackupMissingException e) {
      throw new MissingBackupEvidenceException(
          runId,
          refused
              + "the proven backup is no longer readable here ("
              + e.getMessage()
              + "); the guard re-checks its checksum, so it must run where the backup directory"
              + " is mounted",
          e);
    }
    return proven;
  }
}
