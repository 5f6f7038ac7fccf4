package dev.greenlight.dataplane.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a backup against what the backup step recorded in PostgreSQL when it wrote it: the
 * manifest file's SHA-256, the dump checksum the manifest states, and the dump file's SHA-256. The
 * manifest on disk is never the reference — a manifest and dump edited consistently afterwards are
 * refused. Reads only; on a mismatch it throws and changes nothing — neither the files nor any
 * evidence.
 */
final class BackupVerifier {
  private BackupVerifier() {}

  /** A manifest whose backup file was found intact, with both resolved and the recorded row. */
  record Checked(
      Path manifestFile, Path backupFile, BackupManifest manifest, BackupEvidence recorded) {}

  /**
   * @throws BackupMissingException when the manifest or the file is gone
   * @throws MissingBackupEvidenceException when the backup step recorded no such backup
   * @throws BackupChecksumMismatchException when the manifest or the dump differ from the record
   */
  static Checked check(Path manifestFile, BackupEvidenceStore store) {
    Path manifestPath = manifestFile.toAbsolutePath().normalize();
    BackupManifest manifest = ManifestFiles.read(manifestPath);
    Path file = ManifestFiles.backupFileOf(manifestPath, manifest);
    BackupEvidence recorded =
        store
            .recorded(manifest.runId(), file.toString())
            .orElseThrow(
                () ->
                    new MissingBackupEvidenceException(
                        manifest.runId(),
                        "backup "
                            + file
                            + " (manifest "
                            + manifestPath
                            + ") was never recorded for run "
                            + manifest.runId()
                            + " in rollout_backup_evidence; only a backup the backup step took"
                            + " and recorded can be verified or restore-tested: take a new"
                            + " backup"));
    if (recorded.manifestSha256() != null) {
      checkFile(manifestPath, recorded.manifestSha256());
    }
    if (!manifest.sha256().equals(recorded.sha256())) {
      // Only reachable for rows recorded before manifest checksums were kept.
      throw new BackupChecksumMismatchException(manifestPath, recorded.sha256(), manifest.sha256());
    }
    checkFile(file, recorded.sha256());
    return new Checked(manifestPath, file, manifest, recorded);
  }

  /** Recomputes {@code file}'s digest and compares it with {@code expectedSha256}. */
  static void checkFile(Path file, String expectedSha256) {
    if (!Files.isRegularFile(file)) {
      throw new BackupMissingException(
          "backup file " + file + " does not exist or is not a regular file");
    }
    String actual;
    try {
      actual = Sha256.of(file);
    } catch (IOException e) {
      throw new BackupMissingException("backup file " + file + " is not readable: " + e);
    }
    if (!actual.equals(expectedSha256)) {
      throw new BackupChecksumMismatchException(file, expectedSha256, actual);
    }
  }
}
