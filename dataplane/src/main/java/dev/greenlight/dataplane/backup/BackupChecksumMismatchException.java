package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;
import java.nio.file.Path;

/**
 * A backup file's or manifest's SHA-256 differs from the one the backup step recorded in
 * PostgreSQL: the file is corrupt or was modified, and must not be trusted or restored.
 */
public final class BackupChecksumMismatchException extends DataPlaneException {
  private final String file;
  private final String expected;

  public BackupChecksumMismatchException(Path file, String expected, String actual) {
    super(
        "checksum mismatch: "
            + file
            + " has sha256 "
            + actual
            + " but the backup step recorded "
            + expected
            + "; do not proceed: take a new backup and verify it");
    this.file = file.toString();
    this.expected = expected;
  }

  public String file() {
    return file;
  }

  public String expected() {
    return expected;
  }
}
