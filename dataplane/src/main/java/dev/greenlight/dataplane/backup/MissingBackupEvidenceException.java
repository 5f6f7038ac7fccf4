package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * A run asked to rewrite data without the proof DESIGN.md invariant 5 demands: a backup of that
 * data, taken in the same run, whose checksum verified and which passed a restore test.
 */
public final class MissingBackupEvidenceException extends DataPlaneException {
  private final String runId;

  public MissingBackupEvidenceException(String runId, String message) {
    super(message);
    this.runId = runId;
  }

  public MissingBackupEvidenceException(String runId, String message, Throwable cause) {
    super(message, cause);
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }
}
