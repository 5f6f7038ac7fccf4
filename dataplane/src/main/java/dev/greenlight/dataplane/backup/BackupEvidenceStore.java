package dev.greenlight.dataplane.backup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code rollout_backup_evidence} table: what backup, verify and restore test record for a run,
 * and what the migration guard reads back (DESIGN.md invariant 5).
 *
 * <p>The checksums in a row are written once, by the backup step; verify and the restore test only
 * mark progress against them. A backup recorded again under the same (run, file) — a retried
 * activity — starts its proof over. Thread-safe; the {@link Jdbi} stays the caller's.
 */
public final class BackupEvidenceStore {
  private static final String UPSERT =
      """
      INSERT INTO rollout_backup_evidence
          (run_id, backup_file, manifest_file, sha256, manifest_sha256, size_bytes, database_name,
           tables)
      VALUES (:run, :file, :manifest, :sha, :manifestSha, :size, :db, :tables)
      ON CONFLICT (run_id, backup_file) DO UPDATE SET
          manifest_file = excluded.manifest_file,
          sha256 = excluded.sha256,
          manifest_sha256 = excluded.manifest_sha256,
          size_bytes = excluded.size_bytes,
          database_name = excluded.database_name,
          tables = excluded.tables,
          verified_at = NULL,
          restore_test_passed_at = NULL,
          restore_duration_ms = NULL""";

  private final Jdbi jdbi;

  public BackupEvidenceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records a backup just taken — not yet verified, not yet restore-tested — with the checksums
   * every later check compares against. Only the backup step calls this: what it records is the
   * reference, so nothing read back from a manifest may ever be written here.
   *
   * @param manifestSha256 the SHA-256 of the manifest file as written
   */
  public void recordBackup(
      String runId,
      String manifestFile,
      BackupManifest manifest,
      String file,
      String manifestSha256) {
    String[] tables =
        manifest.tables().stream().map(BackupManifest.TableRows::table).toArray(String[]::new);
    jdbi.useHandle(
        h ->
            h.createUpdate(UPSERT)
                .bind("run", runId)
                .bind("file", file)
                .bind("manifest", manifestFile)
                .bind("sha", manifest.sha256())
                .bind("manifestSha", manifestSha256)
                .bind("size", manifest.sizeBytes())
                .bind("db", manifest.database())
                .bind("tables", tables)
                .execute());
  }

  /**
   * The backup {@code runId} recorded for {@code file}, if the backup step recorded one: what
   * verify and the restore test hold a manifest and its dump to.
   */
  public Optional<BackupEvidence> recorded(String runId, String file) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM rollout_backup_evidence WHERE run_id = :run"
                        + " AND backup_file = :file")
                .bind("run", runId)
                .bind("file", file)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /**
   * Records that {@code file} was found with the recorded checksum {@code sha256}; changes nothing
   * when the recorded checksum is another one. A restore test already passed stays valid.
   */
  public void markVerified(String runId, String file, String sha256) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE rollout_backup_evidence SET verified_at = now() WHERE run_id = :run"
                        + " AND backup_file = :file AND sha256 = :sha")
                .bind("run", runId)
                .bind("file", file)
                .bind("sha", sha256)
                .execute());
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

  private static BackupEvidence read(ResultSet rs) throws SQLException {
    Array tables = rs.getArray("tables");
    return new BackupEvidence(
        rs.getString("run_id"),
        rs.getString("backup_file"),
        rs.getString("manifest_file"),
        rs.getString("sha256"),
        rs.getString("manifest_sha256"),
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
