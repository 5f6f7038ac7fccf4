package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply's control surface: stop and resume, explicit resume points, progress, re-apply. */
class ApplyTest {
  private static final int ROWS = 3_000;
  private TestDatabase db;
  private StageMigration migration;

  @TempDir Path backups;

  @BeforeEach
  void seed() {
    db = TestDatabase.seeded("gl_apply", ROWS, 21);
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void stopTakesEffectBetweenBatchesAndResumeFinishesTheRun() {
    ProvenBackups.prove(db.jdbi(), "stop", backups);
    List<MigrationProgress> seen = new ArrayList<>();

    MigrationResult stopped =
        migration.apply("stop", fixed(500), seen::add, () -> seen.size() >= 2);

    assertEquals(MigrationStatus.STOPPED, stopped.status());
    assertEquals(2, stopped.batches());
    assertEquals(1_000, stopped.rowsScanned());
    assertEquals(seen.get(1).lastId(), stopped.lastId(), "the checkpoint is the last batch's end");
    assertEquals(MigrationStatus.STOPPED, migration.status("stop").orElseThrow().status());

    MigrationResult resumed =
        migration.apply("stop", fixed(500), ProgressListener.NONE, () -> false);

    assertEquals(MigrationStatus.COMPLETED, resumed.status());
    assertEquals(null, stopped.resumedFrom(), "the first call started the run");
    assertEquals(
        Long.valueOf(stopped.lastId()), resumed.resumedFrom(), "picked up at the checkpoint");
    assertEquals(ROWS, resumed.rowsScanned(), "no row scanned twice across stop and resume");
    assertEquals(4, resumed.batchesThisCall());
    assertEquals(0, migration.dryRun().rowsToChange());
  }

  @Test
  void progressReportsEveryBatchWithResumePointAndEstimate() {
    ProvenBackups.prove(db.jdbi(), "progress", backups);
    List<MigrationProgress> seen = new ArrayList<>();

    migration.apply("progress", fixed(700), seen::add, () -> false);

    assertEquals(5, seen.size(), "3000 rows in batches of 700");
    for (int i = 0; i < seen.size(); i++) {
      MigrationProgress p = seen.get(i);
      assertEquals(i + 1, p.batch());
      assertEquals(Math.min(ROWS, 700L * (i + 1)), p.rowsDone());
      assertEquals(ROWS, p.estimatedTotal());
      assertTrue(p.rowsPerSecond() > 0);
      assertTrue(i == 0 || p.lastId() > seen.get(i - 1).lastId());
    }
    assertEquals(0, seen.get(seen.size() - 1).etaMillis(), "nothing left at the end");
    assertEquals(1.0, seen.get(seen.size() - 1).fractionDone());
  }

  @Test
  void listenerFailureStopsTheRunAfterTheCommittedBatchAndPropagates() {
    ProvenBackups.prove(db.jdbi(), "heartbeat", backups);
    RuntimeException cancelled = new IllegalStateException("activity cancelled");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                migration.apply(
                    "heartbeat",
                    fixed(500),
                    p -> {
                      throw cancelled;
                    },
                    () -> false));

    assertSame(cancelled, thrown);
    MigrationRun run = migration.status("heartbeat").orElseThrow();
    assertEquals(MigrationStatus.STOPPED, run.status());
    assertEquals(1, run.totals().batches(), "the batch the listener heard about stays committed");
  }

  @Test
  void explicitResumePointSkipsRowsBelowIt() {
    ProvenBackups.prove(db.jdbi(), "resume-from", backups);
    long from = 2_000;

    MigrationResult result =
        migration.apply(
            "resume-from",
            MigrationOptions.builder().fixedBatchSize(400).resumeFrom(from).build(),
            ProgressListener.NONE,
            () -> false);

    assertEquals(Long.valueOf(from), result.resumedFrom());
    assertEquals(ROWS - from, result.rowsScanned());
    assertEquals(0, db.count("stage_normalization_log WHERE company_id <= " + from));
    assertTrue(db.count("stage_normalization_log WHERE company_id > " + from) > 0);
  }

  @Test
  void resumingFromAnEarlierIdRepeatsNothing() {
    ProvenBackups.prove(db.jdbi(), "again", backups);
    MigrationResult first =
        migration.apply("again", fixed(500), ProgressListener.NONE, () -> false);
    String table = db.companiesChecksum();
    long logRows = db.count("stage_normalization_log");

    MigrationResult second =
        migration.apply(
            "again",
            MigrationOptions.builder().fixedBatchSize(500).resumeFrom(0).build(),
            ProgressListener.NONE,
            () -> false);

    assertEquals(table, db.companiesChecksum());
    assertEquals(
        logRows, db.count("stage_normalization_log"), "re-running batches logs nothing new");
    assertEquals(first.rowsUpdated(), second.rowsUpdated());
    assertEquals(first.rowsUnmappable(), second.rowsUnmappable());
  }

  @Test
  void applyingACompletedRunAgainRewritesNothing() {
    ProvenBackups.prove(db.jdbi(), "done", backups);
    MigrationResult first =
        migration.apply("done", fixed(1_000), ProgressListener.NONE, () -> false);

    MigrationResult again =
        migration.apply("done", fixed(1_000), ProgressListener.NONE, () -> false);

    assertEquals(MigrationStatus.COMPLETED, again.status());
    assertEquals(0, again.batchesThisCall());
    assertEquals(first.rowsUpdated(), again.rowsUpdated());
    assertEquals(first.lastId(), again.lastId());
  }

  @Test
  void adaptiveBatchSizeStaysWithinBounds() {
    ProvenBackups.prove(db.jdbi(), "adaptive", backups);
    List<MigrationProgress> seen = new ArrayList<>();
    MigrationOptions options =
        MigrationOptions.builder().initialBatchSize(100).minBatchSize(50).maxBatchSize(800).build();

    migration.apply("adaptive", options, seen::add, () -> false);

    assertTrue(seen.stream().allMatch(p -> p.batchSize() <= 800), "never above the maximum");
    assertTrue(
        seen.stream().anyMatch(p -> p.batchSize() > 100),
        "a 500 ms target grows 100-row batches, which take milliseconds");
    assertEquals(ROWS, seen.get(seen.size() - 1).rowsDone());
  }

  @Test
  void rateCapSlowsTheRunDown() {
    ProvenBackups.prove(db.jdbi(), "capped", backups);
    MigrationOptions options =
        MigrationOptions.builder().fixedBatchSize(500).maxRowsPerSecond(2_000).build();

    MigrationResult result = migration.apply("capped", options, ProgressListener.NONE, () -> false);

    // 3000 rows at 2000 rows/s: the pacer holds the last batches back to at least ~1.25 s.
    assertTrue(result.durationMillis() >= 1_200, "took " + result.durationMillis() + " ms");
    assertTrue(result.rowsPerSecond() <= 2_400, "rate " + result.rowsPerSecond());
  }

  private static MigrationOptions fixed(int size) {
    return MigrationOptions.builder().fixedBatchSize(size).build();
  }
}
