package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new rollout attempt is asked about before it migrates: earlier runs that started and did
 * not complete. Real PostgreSQL.
 */
class UnfinishedRunsTest {
  private TestDatabase db;
  private StageMigration migration;

  @TempDir Path backups;

  @BeforeEach
  void seed() {
    db = TestDatabase.seeded("gl_unfinished", 2_000, 5);
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private static MigrationOptions batchesOf(int size) {
    return MigrationOptions.builder().fixedBatchSize(size).build();
  }

  @Test
  void anEarlierStoppedRunIsListedACompletedOneAndTheAskingRunAreNot() {
    ProvenBackups.prove(db.jdbi(), "attempt-1", backups);
    ProvenBackups.prove(db.jdbi(), "attempt-2", backups);
    ProvenBackups.prove(db.jdbi(), "attempt-3", backups);
    int[] batches = {0};
    migration.apply("attempt-1", batchesOf(500), p -> batches[0]++, () -> batches[0] >= 1);
    migration.apply("attempt-2", batchesOf(500), ProgressListener.NONE, () -> false);
    migration.apply("attempt-3", batchesOf(500), p -> batches[0]++, () -> batches[0] >= 2);

    List<String> seenByThird =
        migration.unfinishedRuns("attempt-3").stream().map(MigrationRun::runId).toList();
    List<String> seenByFourth =
        migration.unfinishedRuns("attempt-4").stream().map(MigrationRun::runId).toList();

    assertEquals(List.of("attempt-1"), seenByThird);
    assertEquals(List.of("attempt-1", "attempt-3"), seenByFourth);
    assertEquals(MigrationStatus.STOPPED, migration.unfinishedRuns("x").get(0).status());
  }
}
