package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.ProvenBackups;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply shares the table with a live API: it waits briefly for locks, backs off and retries. */
class ContentionTest {
  private TestDatabase db;
  private StageMigration migration;

  @TempDir Path backups;

  @BeforeEach
  void seed() {
    db = TestDatabase.create("gl_contention");
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "CREATE TABLE portfolio_companies (id bigserial PRIMARY KEY, name text NOT NULL,"
                      + " stage text)");
              h.execute(
                  "INSERT INTO portfolio_companies (name, stage) SELECT 'c' || g, 'Series A'"
                      + " FROM generate_series(1, 300) g");
            });
    migration = new StageMigration(db.jdbi(), StageNormalizer.defaults());
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void lockHeldBrieflyByTheApiIsWaitedOutWithRetries() throws Exception {
    ProvenBackups.prove(db.jdbi(), "contended", backups);
    CompletableFuture<Void> holder = holdRowLock(150, Duration.ofMillis(1_200));

    MigrationResult result =
        migration.apply("contended", options(8), ProgressListener.NONE, () -> false);
    holder.get(10, TimeUnit.SECONDS);

    assertEquals(MigrationStatus.COMPLETED, result.status());
    assertTrue(result.retriesThisCall() > 0, "the locked row made at least one batch retry");
    assertEquals(300, result.rowsUpdated());
    assertEquals(0, db.count("portfolio_companies WHERE stage <> 'series-a'"));
  }

  @Test
  void lockHeldLongerThanEveryAttemptFailsTheBatchAndKeepsTheCheckpoint() throws Exception {
    ProvenBackups.prove(db.jdbi(), "blocked", backups);
    CompletableFuture<Void> holder = holdRowLock(150, Duration.ofSeconds(4));

    BatchRetriesExhaustedException e =
        assertThrows(
            BatchRetriesExhaustedException.class,
            () -> migration.apply("blocked", options(3), ProgressListener.NONE, () -> false));
    holder.get(10, TimeUnit.SECONDS);

    assertTrue(e.getMessage().contains("55P03"), e.getMessage());
    MigrationRun run = migration.status("blocked").orElseThrow();
    assertEquals(MigrationStatus.FAILED, run.status());
    assertTrue(run.lastId() < 150, "the blocked batch did not commit: checkpoint " + run.lastId());
    assertEquals(run.totals().rowsUpdated(), db.count("stage_normalization_log"));
  }

  @Test
  void secondApplyOfARunningRunIsRefused() throws Exception {
    ProvenBackups.prove(db.jdbi(), "twice", backups);
    try (Handle other = db.jdbi().open()) {
      other
          .createQuery("SELECT pg_advisory_lock(hashtextextended(:key, 0))")
          .bind("key", "greenlight.stage_migration:twice")
          .mapTo(String.class)
          .one();

      assertThrows(
          MigrationAlreadyRunningException.class,
          () -> migration.apply("twice", options(3), ProgressListener.NONE, () -> false));
    }
    assertEquals(0, db.count("stage_normalization_log"));
  }

  @Test
  void checkpointMovedByAnotherWriterRollsTheBatchBackAndLeavesTheRunAlone() {
    ProvenBackups.prove(db.jdbi(), "moved", backups);
    FaultHook otherWriter =
        (point, batch, handle) -> {
          if (point == FaultPoint.AFTER_READ && batch == 2) {
            db.jdbi()
                .useHandle(
                    other ->
                        other.execute(
                            "UPDATE stage_migration_control SET last_id = last_id + 1"
                                + " WHERE run_id = 'moved'"));
          }
        };

    assertThrows(
        ConcurrentMigrationException.class,
        () ->
            new StageMigration(db.jdbi(), StageNormalizer.defaults(), otherWriter)
                .apply("moved", options(3), ProgressListener.NONE, () -> false));

    MigrationRun run = migration.status("moved").orElseThrow();
    assertEquals(1, run.totals().batches(), "batch 2 rolled back");
    assertEquals(MigrationStatus.RUNNING, run.status(), "the other writer's status is not touched");
    assertEquals(100, db.count("stage_normalization_log"), "only batch 1's rewrites are logged");
    assertEquals(200, db.count("portfolio_companies WHERE stage = 'Series A'"));
  }

  private static MigrationOptions options(int attempts) {
    return MigrationOptions.builder()
        .fixedBatchSize(100)
        .lockTimeout(Duration.ofMillis(100))
        .maxAttemptsPerBatch(attempts)
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .build();
  }

  /** Locks row {@code id} the way an API update would, for {@code duration}, on another thread. */
  private CompletableFuture<Void> holdRowLock(long id, Duration duration) throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                db.jdbi()
                    .useTransaction(
                        h -> {
                          h.createQuery(
                                  "SELECT id FROM portfolio_companies WHERE id = :id FOR UPDATE")
                              .bind("id", id)
                              .mapTo(Long.class)
                              .one();
                          locked.countDown();
                          try {
                            Thread.sleep(duration.toMillis());
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    assertTrue(locked.await(10, TimeUnit.SECONDS), "the lock holder started");
    return holder;
  }
}
