package dev.greenlight.dataplane.backup;

import java.util.List;

/**
 * One row of {@code rollout_backup_evidence}: a backup a run took and how far it has been proven.
 * Times are epoch milliseconds; null means "not yet".
 *
 * @param tables the tables the dump contains, {@code schema.table}
 */
public record BackupEvidence(
    String runId,
    String backupFile,
    String manifestFile,
    String sha256,
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
