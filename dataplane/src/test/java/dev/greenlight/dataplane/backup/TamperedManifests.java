package dev.greenlight.dataplane.backup;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

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

  /**
   * Writes {@code manifest} and records it, with its dump, as the backup step would have: how a
   * test stages a backup that was already wrong when it was written (a truncated dump, a miscounted
   * table), as opposed to one edited afterwards, which verification must refuse.
   */
  static void writtenByTheBackupStep(Jdbi jdbi, Path manifestFile, BackupManifest manifest)
      throws Exception {
    ManifestFiles.write(manifestFile, manifest);
    Path manifestPath = manifestFile.toAbsolutePath().normalize();
    new BackupEvidenceStore(jdbi)
        .recordBackup(
            manifest.runId(),
            manifestPath.toString(),
            manifest,
            ManifestFiles.backupFileOf(manifestPath, manifest).toString(),
            Sha256.of(manifestPath));
  }
}
