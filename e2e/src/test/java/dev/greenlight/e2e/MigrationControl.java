package dev.greenlight.e2e;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The migration's checkpoint row as {@code stage_migration_control} holds it. */
record MigrationControl(String status, long lastId, long rowsScanned, long rowsUpdated) {

  /** The latest run's row; empty before the apply started. */
  static Optional<MigrationControl> read(Jdbi jdbi) {
    try {
      return jdbi.withHandle(
          h ->
              h.createQuery(
                      "SELECT status, last_id, rows_scanned, rows_updated"
                          + " FROM stage_migration_control ORDER BY updated_at DESC LIMIT 1")
                  .map(
                      (rs, ctx) ->
                          new MigrationControl(
                              rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                  .findOne());
    } catch (RuntimeException e) {
      // The worker creates the table at its first start; until then there is nothing to read.
      return Optional.empty();
    }
  }

  /**
   * Rows at or below the checkpoint. The counts are those of committed batches only, so a run that
   * resumed from its checkpoint has scanned at most these; one that started over scanned more.
   */
  long rowsUpToCheckpoint(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM portfolio_companies WHERE id <= :last")
                .bind("last", lastId)
                .mapTo(Long.class)
                .one());
  }

  boolean midApply() {
    return status.equals("running") && rowsUpdated > 0;
  }
}
