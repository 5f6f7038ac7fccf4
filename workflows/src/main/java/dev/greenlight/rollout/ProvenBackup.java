package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import java.time.Duration;

/**
 * A backup keyed by the attempt whose checksum was verified and which restored within the limit:
 * the evidence the pre-flight and the migration each take first, in both loops.
 */
public record ProvenBackup(BackupResult backup, RestoreTestResult restore) {
  /**
   * Backs up, verifies the checksum, and restores into a scratch database.
   *
   * @throws io.temporal.failure.ActivityFailure when any of the three fails for good
   */
  public static ProvenBackup take(PhaseContext c, Duration restoreTimeLimit) {
    BackupResult backup = c.activities.data.backup(c.attemptId());
    c.activities.data.verifyBackup(c.attemptId(), backup.manifestPath());
    RestoreTestResult restore =
        c.activities.data.restoreTest(
            c.attemptId(), backup.manifestPath(), restoreTimeLimit.toMillis());
    return new ProvenBackup(backup, restore);
  }
}
