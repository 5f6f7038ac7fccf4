package dev.greenlight.dataplane.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a backup file against its manifest: the same SHA-256. Reads only; on mismatch it throws
 * and changes nothing — neither the file nor any evidence.
 */
final class BackupVerifier {
  private BackupVerifier() {}

  /** A manifest whose backup file was found intact, with both resolved. */
  record Checked(Path manifestFile, Path backupFile, BackupManifest manifest) {}

  /**
   * @throws BackupMissingException when the manifest or the file is gone
   * @throws BackupChecksumMismatchException when size or digest differ
   */
  static Checked check(Path manifestFile) {
    Path manifestPath = manifestFile.toAbsolutePath().normalize();
    BackupManifest manifest = ManifestFiles.read(manifestPath);
    Path file = ManifestFiles.backupFileOf(manifestPath, manifest);
    checkFile(file, manifest.sha256());
    return new Checked(manifestPath, file, manifest);
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
