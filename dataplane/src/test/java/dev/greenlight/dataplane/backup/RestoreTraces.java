package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What a restore test leaves behind, for tests of both backup formats: the scratch databases it
 * created on the server, and the evidence it recorded for the run.
 */
final class RestoreTraces {
  private RestoreTraces() {}

  /** The restore tests' scratch databases ({@code gl_restore_…}) that exist now, by name. */
  static List<String> scratchDatabases(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'gl\\_restore\\_%'"
                        + " ORDER BY datname")
                .mapTo(String.class)
                .list());
  }

  /** The failed restore test named its scratch database and dropped it. */
  static void assertScratchDropped(Jdbi jdbi, RestoreTestFailedException e) {
    assertNotNull(e.scratchDatabase());
    assertFalse(scratchDatabases(jdbi).contains(e.scratchDatabase()), "scratch database dropped");
  }

  /** The run's backup evidence records no passed restore test, so the guard still refuses it. */
  static void assertNoRestorePassRecorded(Jdbi jdbi, String runId) {
    assertNull(new BackupEvidenceStore(jdbi).forRun(runId).get(0).restoreTestPassedAt());
  }
}
