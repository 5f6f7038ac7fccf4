package dev.greenlight.dataplane.backup;

import java.util.List;

/**
 * A restore test that passed: the scratch database it used (already dropped), the row counts and
 * distinct stage count found there, and how long the test took against its limit.
 */
public record RestoreTestResult(
    String runId,
    String backupFile,
    String scratchDatabase,
    List<BackupManifest.TableRows> restoredTables,
    Long distinctStages,
    long restoreMillis,
    long durationMillis,
    long limitMillis) {
  public RestoreTestResult {
    restoredTables = List.copyOf(restoredTables);
  }
}
