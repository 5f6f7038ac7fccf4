package dev.greenlight.dataplane.backup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code rollout_backup_evidence} table: what backup, verify and restore test record for a run,
 * and what the migration guard reads back (DESIGN.md invariant 5).
 *
 * <p>Writes are upserts keyed by (run, backup file), so a retried activity records the same fact
 * once. A new backup or verification of the same file starts its proof over. Thread-safe; the
 * {@link Jdbi} stays the caller's.
 */
public final class BackupEvidenceStore {
  private static final String UPSERT =
      """
      INSERT INTO rollout_backup_evidence
          (run_id, backup_file, manifest_file, sha256, size_bytes, database_name, tables, verified_at)
      VALUES (:run, :file, :manifest, :sha, :size, :db, :tables,
              CASE WHEN :verified THEN now() END)
      ON CONFLICT (run_id, backup_file) DO UPDATE SET
          manifest_file = excluded.manifest_file,
          sha256 = excluded.sha256,
          size_bytes = excluded.size_bytes,
          database_name = excluded.database_name,
          tables = excluded.tables,
          verified_at = excluded.verified_at,
          restore_test_passed_at = CASE
              WHEN rollout_backup_evidence.sha256 = excluded.sha256
                  THEN rollout_backup_evidence.restore_test_passed_at END,
          restore_duration_ms = CASE
              WHEN rollout_backup_evidence.sha256 = excluded.sha256
                  THEN rollout_backup_evidence.restore_duration_ms END""";

  private final Jdbi jdbi;

  public BackupEvidenceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records a backup just taken: not yet verified, not yet restore-tested. */
  public void recordBackup(
      String runId, String manifestFile, BackupManifest manifest, String file) {
    upsert(runId, manifestFile, manifest, file, false);
  }

  /**
   * Records that {@code file}'s checksum matched its manifest. A restore test already passed for
   * the same checksum stays valid.
   */
  public void recordVerified(
      String runId, String manifestFile, BackupManifest manifest, String file) {
    upsert(runId, manifestFile, manifest, file, true);
  }

  /**
   * Records a passing restore test; returns false when the run has no evidence row for the file.
   */
  public boolean recordRestoreTestPassed(String runId, String file, long durationMillis) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE rollout_backup_evidence SET restore_test_passed_at = now(),"
                            + " restore_duration_ms = :ms WHERE run_id = :run AND backup_file ="
                            + " :file")
                    .bind("ms", durationMillis)
                    .bind("run", runId)
                    .bind("file", file)
                    .execute())
        > 0;
  }

  /** Withdraws a restore test's earlier pass: the latest test of this file failed. */
  public void recordRestoreTestFailed(String runId, String file) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE rollout_backup_evidence SET restore_test_passed_at = NULL,"
                        + " restore_duration_ms = NULL WHERE run_id = :run AND backup_file = :file")
                .bind("run", runId)
                .bind("file", file)
                .execute());
  }

  /** Every backup {@code runId} recorded, newest first. */
  public List<BackupEvidence> forRun(String runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM rollout_backup_evidence WHERE run_id = :run"
                        + " ORDER BY created_at DESC, id DESC")
                .bind("run", runId)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  private void upsert(
      String runId, String manifestFile, BackupManifest manifest, String file, boolean verified) {
    String[] tables =
        manifest.tables().stream().map(BackupManifest.TableRows::table).toArray(String[]::new);
    jdbi.useHandle(
        h ->
            h.createUpdate(UPSERT)
                .bind("run", runId)
                .bind("file", file)
                .bind("manifest", manifestFile)
                .bind("sha", manifest.sha256())
                .bind("size", manifest.sizeBytes())
                .bind("db", manifest.database())
                .bind("tables", tables)
                .bind("verified", verified)
                .execute());
  }

  private static BackupEvidence read(ResultSet rs) throws SQLException {
    Array tables = rs.getArray("tables");
    return new BackupEvidence(
        rs.getString("run_id"),
        rs.getString("backup_file"),
        rs.getString("manifest_file"),
        rs.getString("sha256"),
        rs.getLong("size_bytes"),
        rs.getString("database_name"),
        Arrays.asList((String[]) tables.getArray()),
        rs.getTimestamp("created_at").getTime(),
        millis(rs.getTimestamp("verified_at")),
        millis(rs.getTimestamp("restore_test_passed_at")),
        (Long) rs.getObject("restore_duration_ms"));
  }

  private static Long millis(Timestamp t) {
    return t == null ? null : t.getTime();
  }
}
