package dev.greenlight.dataplane.backup;

import java.util.List;

/**
 * One row of {@code rollout_backup_evidence}: a backup a run took and how far it has been proven.
 * Times are epoch milliseconds; null means "not yet".
 *
 * @param sha256 the dump's SHA-256 as the backup step computed it: the reference every later check
 *     compares the file against, whatever the manifest on disk says now
 * @param manifestSha256 the SHA-256 of the manifest file as the backup step wrote it; null for
 *     backups recorded before it was kept
 * @param tables the tables the dump contains, {@code schema.table}
 */
public record BackupEvidence(
    String runId,
    String backupFile,
    String manifestFile,
    String sha256,
    String manifestSha256,
    long sizeBytes,
    String database,
    List<String> tables,
    long createdAt,
    Long verifiedAt,
    Long restoreTestPassedAt,
    Long restoreDurationMillis) {
  public BackupEvidence {
    tables = List.copyOf(tables);
  }

  /** Verified and restore-tested: what the migration guard asks for. */
  public boolean proven() {
    return verifiedAt != null && restoreTestPassedAt != null;
  }
}
