package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.backup.BackupGuard;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One call of {@link StageMigration#apply}: guard, claim the run, then batch after batch until the
 * table is done or a stop is requested. Holds one connection for the whole call, with the run's
 * advisory lock on it, so two workers never apply the same run at once. Holds no state between
 * calls: everything a call counts lives in that call.
 */
record ApplyRun(
    Jdbi jdbi,
    BatchTransaction batches,
    String runId,
    MigrationOptions options,
    ProgressListener listener,
    BooleanSupplier stopRequested) {
  static final String STAGE_TABLE = "public.portfolio_companies";

  /** Lock not available, serialization failure, deadlock: another attempt may well succeed. */
  private static final Set<String> RETRYABLE = Set.of("55P03", "40001", "40P01");

  MigrationResult execute() {
    long started = System.nanoTime();
    MigrationRun existing = jdbi.withHandle(h -> MigrationCheckpoints.find(h, runId)).orElse(null);
    if (existing != null
        && existing.status() == MigrationStatus.COMPLETED
        && options.resumeFrom() == null) {
      // A retried activity whose first attempt finished: report, rewrite nothing.
      return result(
          existing, MigrationStatus.COMPLETED, new Totals(), options.initialBatchSize(), started);
    }
    new BackupGuard(jdbi).requireProvenBackup(runId, STAGE_TABLE);
    try (Handle handle = jdbi.open()) {
      claim(handle);
      try {
        return loop(handle, started);
      } finally {
        release(handle);
      }
    }
  }

  private MigrationResult loop(Handle handle, long started) {
    MigrationRun run = MigrationCheckpoints.start(handle, runId, options.resumeFrom());
    long estimate = run.totals().rowsScanned() + RemainingRows.estimate(handle, run.lastId());
    BatchSizer sizer =
        new BatchSizer(
            options.initialBatchSize(),
            options.minBatchSize(),
            options.maxBatchSize(),
            options.targetBatchDuration());
    RatePacer pacer = new RatePacer(options.maxRowsPerSecond());
    Backoff backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
    Totals totals = new Totals();
    long lastId = run.lastId();
    long batch = run.totals().batches();
    try {
      while (true) {
        if (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          return stop(handle, totals, sizer, started, null);
        }
        BatchOutcome outcome = attempt(handle, batch + 1, lastId, sizer, backoff, totals);
        if (outcome.scanned() == 0) {
          MigrationCheckpoints.finish(handle, runId, MigrationStatus.COMPLETED, null);
          MigrationRun done = MigrationCheckpoints.find(handle, runId).orElseThrow();
          return result(done, MigrationStatus.COMPLETED, totals, sizer.current(), started);
        }
        batch++;
        lastId = outcome.lastId();
        totals.add(outcome);
        sizer.record(outcome.scanned(), outcome.nanos());
        batches.afterCommit(batch, handle);
        MigrationRun now = MigrationCheckpoints.find(handle, runId).orElseThrow();
        try {
          listener.onBatch(progress(now, outcome, totals, estimate, started));
        } catch (RuntimeException e) {
          stop(handle, totals, sizer, started, "stopped by the progress listener: " + e);
          throw e;
        }
        pacer.pace(totals.scanned, totals.startNanos, stopRequested);
      }
    } catch (ConcurrentMigrationException e) {
      // The run's row belongs to whoever moved it: leave its status alone.
      throw e;
    } catch (RuntimeException e) {
      recordFailure(e);
      throw e;
    }
  }

  /** Runs one batch, retrying lock timeouts and serialization failures with backoff. */
  private BatchOutcome attempt(
      Handle handle, long batch, long lastId, BatchSizer sizer, Backoff backoff, Totals totals) {
    for (int attempt = 1; ; attempt++) {
      try {
        return batches.run(
            handle, runId, batch, lastId, sizer.current(), options.lockTimeout().toMillis());
      } catch (DataPlaneException e) {
        throw e;
      } catch (RuntimeException e) {
        String state = sqlState(e);
        if (!RETRYABLE.contains(state)) {
          throw new MigrationBatchFailedException(
              describeBatch(batch, lastId)
                  + " failed"
                  + (state == null ? "" : " with SQLState " + state)
                  + ": "
                  + e.getMessage()
                  + "; nothing of it was committed, resume the run once the cause is fixed",
              e);
        }
        if (attempt >= options.maxAttemptsPerBatch()) {
          throw new BatchRetriesExhaustedException(
              describeBatch(batch, lastId)
                  + " failed "
                  + attempt
                  + " times (last SQLState "
                  + state
                  + ", limit "
                  + options.maxAttemptsPerBatch()
                  + " attempts): "
                  + e.getMessage(),
              e);
        }
        if ("55P03".equals(state)) {
          sizer.shrink();
        }
        totals.retries++;
        sleep(backoff.delayAfter(attempt));
      }
    }
  }

  /** Names a batch in a failure message so an operator can find it in the migration log. */
  private String describeBatch(long batch, long lastId) {
    return "batch " + batch + " of run " + runId + " after id " + lastId;
  }

  private void claim(Handle handle) {
    boolean locked =
        handle
            .createQuery("SELECT pg_try_advisory_lock(hashtextextended(:key, 0))")
            .bind("key", lockKey())
            .mapTo(Boolean.class)
            .one();
    if (!locked) {
      throw new MigrationAlreadyRunningException(
          "run "
              + runId
              + " is being applied by another session right now (it holds the run's"
              + " advisory lock); wait for it or stop it before applying again");
    }
  }

  private void release(Handle handle) {
    try {
      // Closing a pooled connection would not end its session, so unlock explicitly.
      handle
          .createQuery("SELECT pg_advisory_unlock(hashtextextended(:key, 0))")
          .bind("key", lockKey())
          .mapTo(Boolean.class)
          .one();
    } catch (RuntimeException ignored) {
      // The connection is gone, and with it the session and its lock.
    }
  }

  private String lockKey() {
    return "greenlight.stage_migration:" + runId;
  }

  private MigrationResult stop(
      Handle handle, Totals totals, BatchSizer sizer, long started, String reason) {
    MigrationCheckpoints.finish(handle, runId, MigrationStatus.STOPPED, reason);
    MigrationRun run = MigrationCheckpoints.find(handle, runId).orElseThrow();
    return result(run, MigrationStatus.STOPPED, totals, sizer.current(), started);
  }

  /** Best effort on a fresh connection: the run's own may be what failed. */
  private void recordFailure(RuntimeException failure) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "UPDATE stage_migration_control SET status = 'failed', last_error = :error,"
                          + " updated_at = now() WHERE run_id = :run AND status = 'running'")
                  .bind("error", String.valueOf(failure.getMessage()))
                  .bind("run", runId)
                  .execute());
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private MigrationProgress progress(
      MigrationRun run, BatchOutcome batch, Totals totals, long estimate, long started) {
    double seconds = (System.nanoTime() - totals.startNanos) / 1e9;
    double rate = seconds > 0 ? totals.scanned / seconds : 0;
    long remaining = Math.max(0, estimate - run.totals().rowsScanned());
    long eta = rate > 0 ? (long) (remaining / rate * 1000) : -1;
    return new MigrationProgress(
        runId,
        run.totals().batches(),
        run.lastId(),
        run.totals().rowsScanned(),
        Math.max(estimate, run.totals().rowsScanned()),
        run.totals().rowsUpdated(),
        run.totals().rowsUnmappable(),
        batch.scanned(),
        batch.nanos() / 1_000_000,
        rate,
        eta,
        (System.nanoTime() - started) / 1_000_000,
        totals.retries);
  }

  private MigrationResult result(
      MigrationRun run, MigrationStatus status, Totals totals, int batchSize, long started) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new MigrationResult(
        runId,
        status,
        run.lastId(),
        run.resumedFrom(),
        run.totals().batches(),
        run.totals().rowsScanned(),
        run.totals().rowsUpdated(),
        run.totals().rowsUnmappable(),
        run.totals().rowsNull(),
        totals.batches,
        totals.scanned,
        totals.retries,
        batchSize,
        millis,
        millis > 0 ? totals.scanned * 1000.0 / millis : 0);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** This call's running totals. */
  private static final class Totals {
    final long startNanos = System.nanoTime();
    long batches;
    long scanned;
    long retries;

    void add(BatchOutcome outcome) {
      batches++;
      scanned += outcome.scanned();
    }
  }
}
