package dev.greenlight.dataplane.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads and writes {@code stage_migration_control}, the one row per run that holds its checkpoint
 * and totals. Stateless; every method runs on the handle it is given, inside the caller's
 * transaction when there is one.
 */
final class MigrationCheckpoints {
  private MigrationCheckpoints() {}

  static Optional<MigrationRun> find(Handle h, String runId) {
    return h.createQuery("SELECT * FROM stage_migration_control WHERE run_id = :run")
        .bind("run", runId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  /** Every run other than {@code runId} that has not completed, oldest first. */
  static List<MigrationRun> unfinished(Handle h, String exceptRunId) {
    return h.createQuery(
            "SELECT * FROM stage_migration_control"
                + " WHERE status <> 'completed' AND run_id <> :run ORDER BY started_at")
        .bind("run", exceptRunId)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  /**
   * Marks the run running, creating it at {@code resumeFrom} (or 0) when new. An explicit {@code
   * resumeFrom} moves the checkpoint there; otherwise the run continues from its checkpoint. Either
   * way {@code resumed_from} records where this call of an existing run picked up.
   */
  static MigrationRun start(Handle h, String runId, Long resumeFrom) {
    return h.inTransaction(
        tx -> {
          tx.createUpdate(
                  "INSERT INTO stage_migration_control (run_id, status, last_id, resumed_from)"
                      + " VALUES (:run, 'running', coalesce(:from, 0), :from)"
                      + " ON CONFLICT (run_id) DO UPDATE SET status = 'running',"
                      + " last_id = coalesce(:from, stage_migration_control.last_id),"
                      + " resumed_from = coalesce(:from, stage_migration_control.last_id),"
                      + " last_error = NULL, finished_at = NULL, updated_at = now()")
              .bind("run", runId)
              .bind("from", resumeFrom)
              .execute();
          return find(tx, runId).orElseThrow();
        });
  }

  /**
   * Advances the checkpoint from {@code expectedLastId} to {@code newLastId} and adds the batch's
   * counts — only if nobody else moved it meanwhile.
   *
   * @throws ConcurrentMigrationException when the checkpoint is no longer {@code expectedLastId} or
   *     the run is no longer running; the caller's transaction must then roll back
   */
  static void advance(Handle h, String runId, long expectedLastId, BatchOutcome batch) {
    int rows =
        h.createUpdate(
                "UPDATE stage_migration_control SET last_id = :new, batches = batches + 1,"
                    + " rows_scanned = rows_scanned + :scanned,"
                    + " rows_updated = rows_updated + :updated,"
                    + " rows_unmappable = rows_unmappable + :unmappable,"
                    + " rows_null = rows_null + :nulls, updated_at = now()"
                    + " WHERE run_id = :run AND last_id = :expected AND status = 'running'")
            .bind("new", batch.lastId())
            .bind("scanned", batch.scanned())
            .bind("updated", batch.updated())
            .bind("unmappable", batch.unmappableLogged())
            .bind("nulls", batch.nulls())
            .bind("run", runId)
            .bind("expected", expectedLastId)
            .execute();
    if (rows != 1) {
      throw new ConcurrentMigrationException(
          "checkpoint of run "
              + runId
              + " is no longer at id "
              + expectedLastId
              + " or the run is no longer running: another process is applying it; this batch"
              + " was rolled back");
    }
  }

  /** Records how the run ended: stopped, failed (with the error) or completed. */
  static void finish(Handle h, String runId, MigrationStatus status, String error) {
    h.createUpdate(
            "UPDATE stage_migration_control SET status = :status, last_error = :error,"
                + " updated_at = now(),"
                + " finished_at = CASE WHEN :status = 'completed' THEN now() END"
                + " WHERE run_id = :run")
        .bind("status", status.dbValue())
        .bind("error", error)
        .bind("run", runId)
        .execute();
  }

  private static MigrationRun read(ResultSet rs) throws SQLException {
    return new MigrationRun(
        rs.getString("run_id"),
        MigrationStatus.fromDb(rs.getString("status")),
        rs.getLong("last_id"),
        (Long) rs.getObject("resumed_from"),
        new MigrationRun.RunTotals(
            rs.getLong("batches"),
            rs.getLong("rows_scanned"),
            rs.getLong("rows_updated"),
            rs.getLong("rows_unmappable"),
            rs.getLong("rows_null")),
        rs.getString("last_error"),
        rs.getTimestamp("started_at").getTime(),
        rs.getTimestamp("updated_at").getTime(),
        millis(rs.getTimestamp("finished_at")));
  }

  private static Long millis(Timestamp t) {
    return t == null ? null : t.getTime();
  }
}
