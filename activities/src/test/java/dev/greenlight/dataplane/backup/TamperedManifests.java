package dev.greenlight.dataplane.backup;

/** Manifests re-pointed at a file someone altered, for the tests that simulate tampering. */
final class TamperedManifests {
  private TamperedManifests() {}

  /** {@code m} describing a file with this digest and size instead; everything else kept. */
  static BackupManifest withFile(BackupManifest m, String sha, long size) {
    return new BackupManifest(
        m.formatVersion(),
        m.runId(),
        m.backupFile(),
        sha,
        size,
        m.database(),
        m.serverVersion(),
        m.pgDumpVersion(),
        m.tables(),
        m.distinctStages(),
        m.createdAt(),
        m.dumpMillis(),
        m.format(),
        m.tool());
  }
}
