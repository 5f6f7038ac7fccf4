package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crashes the migration inside a batch — its connection terminated by another session, or its
 * thread dying — at every point of the batch, then resumes, and compares with an undisturbed run.
 */
class CrashResumeTest {
  private static final int ROWS = 4_000;
  private static final long SEED = 7;
  private static final int BATCH = 300;
  private static final long CRASH_IN_BATCH = 4;

  /** What a finished migration left: the table's and the log's checksums, the rewrites logged. */
  private record Outcome(String table, String log, long rewrites) {
    static Outcome of(TestDatabase db) {
      return new Outcome(
          db.companiesChecksum(),
          db.logChecksum(),
          db.count("stage_normalization_log WHERE normalized_stage IS NOT NULL"));
    }
  }

  private static TestDatabase reference;
  private static Outcome undisturbed;

  @TempDir static Path backups;

  /** The undisturbed run everything is compared against. */
  @BeforeAll
  static void referenceRun() {
    reference = TestDatabase.seeded("gl_crash_ref", ROWS, SEED);
    ProvenBackups.prove(reference.jdbi(), "reference", backups);
    new StageMigration(reference.jdbi(), StageNormalizer.defaults())
        .apply("reference", options(), ProgressListener.NONE, () -> false);
    undisturbed = Outcome.of(reference);
    assertTrue(undisturbed.rewrites() > ROWS / 3, "the seed must leave plenty to rewrite");
  }

  @AfterAll
  static void dropReference() {
    reference.close();
  }

  @ParameterizedTest
  @EnumSource(FaultPoint.class)
  void connectionTerminatedMidBatchThenResumedEqualsUndisturbedRun(FaultPoint point) {
    crashThenResume(point, CrashResumeTest::terminateBackend);
  }

  @ParameterizedTest
  @EnumSource(FaultPoint.class)
  void processDiesMidBatchThenResumedEqualsUndisturbedRun(FaultPoint point) {
    crashThenResume(
        point,
        handle -> {
          throw new IllegalStateException("simulated crash");
        });
  }

  private void crashThenResume(FaultPoint point, java.util.function.Consumer<Handle> crash) {
    try (TestDatabase db = TestDatabase.seeded("gl_crash", ROWS, SEED)) {
      String runId = "crash-" + point;
      ProvenBackups.prove(db.jdbi(), runId, backups);
      FaultHook crashOnce =
          (at, batch, handle) -> {
            if (at == point && batch == CRASH_IN_BATCH) {
              crash.accept(handle);
            }
          };

      assertThrows(
          RuntimeException.class,
          () ->
              new StageMigration(db.jdbi(), StageNormalizer.defaults(), crashOnce)
                  .apply(runId, options(), ProgressListener.NONE, () -> false));

      MigrationRun crashed =
          new StageMigration(db.jdbi(), StageNormalizer.defaults()).status(runId).orElseThrow();
      long committedBatches =
          point == FaultPoint.AFTER_COMMIT ? CRASH_IN_BATCH : CRASH_IN_BATCH - 1;
      assertEquals(
          committedBatches, crashed.totals().batches(), "batches committed before the crash");
      assertEquals(
          crashed.totals().rowsUpdated(),
          db.count("stage_normalization_log WHERE normalized_stage IS NOT NULL"),
          "checkpoint totals and log agree after the crash");

      MigrationResult resumed =
          new StageMigration(db.jdbi(), StageNormalizer.defaults())
              .apply(runId, options(), ProgressListener.NONE, () -> false);

      assertEquals(MigrationStatus.COMPLETED, resumed.status());
      assertEquals(
          undisturbed.table(), db.companiesChecksum(), "final table equals the undisturbed run");
      assertEquals(undisturbed.log(), db.logChecksum(), "log equals the undisturbed run's");
      assertEquals(
          0,
          db.count(
              "(SELECT company_id FROM stage_normalization_log WHERE normalized_stage IS NOT NULL"
                  + " GROUP BY company_id HAVING count(*) <> 1) twice"),
          "exactly one log row per changed company");
      assertEquals(
          undisturbed.rewrites(), resumed.rowsUpdated(), "run totals count each rewrite once");
    }
  }

  private static void terminateBackend(Handle handle) {
    int pid = handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
    reference
        .jdbi()
        .useHandle(
            other ->
                other
                    .createQuery("SELECT pg_terminate_backend(:pid)")
                    .bind("pid", pid)
                    .mapTo(Boolean.class)
                    .one());
  }

  private static MigrationOptions options() {
    return MigrationOptions.builder().fixedBatchSize(BATCH).build();
  }
}
