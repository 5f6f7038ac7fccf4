package dev.greenlight.dataplane.migration;

import dev.greenlight.validator.Stage;
import dev.greenlight.validator.StageNormalizer;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One batch of the stage migration as one transaction: the next {@code n} ids by keyset, their
 * distinct stage values normalized once each in Java, the rows holding a value that normalizes to a
 * different canonical stage rewritten, a log row for each of them and for each row holding an
 * unmappable value, and the run's checkpoint advanced — committed together or not at all (DESIGN.md
 * invariant 4). Re-running a batch is harmless: rewritten rows are canonical by then, and
 * unmappable rows are logged once per run.
 *
 * <p>The rewrite is one set-based statement, {@code UPDATE … FROM (old → new) WHERE id in the
 * batch's range AND stage = old}. The UPDATE itself takes the {@code FOR NO KEY UPDATE} row lock on
 * each row it rewrites, and because it matches on the current value, a value the API changes
 * meanwhile is never overwritten with a mapping meant for the old one: PostgreSQL re-checks {@code
 * stage = old} against the newest version of a row it had to wait for and skips it if it no longer
 * matches. A separate {@code SELECT … FOR NO KEY UPDATE} first would protect nothing more and,
 * measured on a million rows, cost a third of the baseline's time again, since locking writes into
 * every tuple. Log rows go in by {@code COPY}, which PostgreSQL writes in multi-row batches.
 * Stateless apart from its collaborators.
 */
record BatchTransaction(StageNormalizer normalizer, FaultHook hook) {
  /**
   * The batch in one scan of its range: its end, and each distinct value with its row count and —
   * unless canonical — the ids holding it (apply logs the ids of unmappable values).
   */
  private static final String READ =
      "SELECT stage, count(*) AS n, max(id) AS last, array_agg(id) FILTER (WHERE stage <>"
          + " ALL(CAST(:canonical AS text[]))) AS ids FROM (SELECT id, stage FROM"
          + " portfolio_companies WHERE id > :last ORDER BY id LIMIT :n) AS batch GROUP BY stage";

  private static final String REWRITE =
      "WITH mapping AS (SELECT * FROM unnest(CAST(:olds AS text[]), CAST(:news AS text[]))"
          + " AS m(old, new))"
          + " UPDATE portfolio_companies AS p SET stage = mapping.new FROM mapping"
          + " WHERE p.id > :last AND p.id <= :end AND p.stage = mapping.old"
          + " RETURNING p.id, mapping.old, mapping.new";

  /** Unmappable rows this run logged before in the range: only an earlier resume point has any. */
  private static final String LOGGED_BEFORE =
      "SELECT company_id FROM stage_normalization_log WHERE run_id = :run"
          + " AND normalized_stage IS NULL AND company_id > :last AND company_id <= :end";

  /**
   * Runs batch {@code batch} of {@code runId}: up to {@code size} rows after {@code lastId}.
   * Returns an outcome with zero rows scanned when nothing is left.
   */
  BatchOutcome run(
      Handle handle, String runId, long batch, long lastId, int size, long lockMillis) {
    long started = System.nanoTime();
    return handle.inTransaction(
        h -> {
          // Never wait long for a row lock the API holds: give up, back off, retry smaller.
          h.execute("SET LOCAL lock_timeout = '" + lockMillis + "ms'");
          Values values = read(h, lastId, size);
          if (values.scanned == 0) {
            return new BatchOutcome(lastId, 0, 0, 0, 0, System.nanoTime() - started);
          }
          hook.at(FaultPoint.AFTER_READ, batch, h);
          LogRows log = new LogRows(runId, batch);
          if (!values.olds.isEmpty()) {
            h.createQuery(REWRITE)
                .bindArray("olds", String.class, values.olds)
                .bindArray("news", String.class, values.news)
                .bind("last", lastId)
                .bind("end", values.end)
                .map((rs, ctx) -> log.rewritten(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .forEach(ignored -> {});
          }
          int rewritten = log.size();
          hook.at(FaultPoint.AFTER_REWRITE, batch, h);
          if (!values.unmappableIds.isEmpty()) {
            Set<Long> already =
                new HashSet<>(
                    h.createQuery(LOGGED_BEFORE)
                        .bind("run", runId)
                        .bind("last", lastId)
                        .bind("end", values.end)
                        .mapTo(Long.class)
                        .list());
            for (int i = 0; i < values.unmappableIds.size(); i++) {
              log.unmappable(values.unmappableIds.get(i), values.unmappableStages.get(i), already);
            }
          }
          log.copyInto(h);
          hook.at(FaultPoint.AFTER_LOG, batch, h);
          BatchOutcome outcome =
              new BatchOutcome(
                  values.end,
                  values.scanned,
                  rewritten,
                  log.size() - rewritten,
                  values.nulls,
                  System.nanoTime() - started);
          MigrationCheckpoints.advance(h, runId, lastId, outcome);
          hook.at(FaultPoint.AFTER_CHECKPOINT, batch, h);
          return outcome;
        });
  }

  /** Marks the instant after batch {@code batch} committed, for tests that crash there. */
  void afterCommit(long batch, Handle handle) {
    hook.at(FaultPoint.AFTER_COMMIT, batch, handle);
  }

  private Values read(Handle h, long lastId, int size) {
    Values values = new Values();
    h.createQuery(READ)
        .bind("last", lastId)
        .bind("n", size)
        .bindArray("canonical", String.class, Stage.wireNames())
        .map(
            (rs, ctx) -> {
              values.add(
                  rs.getString("stage"), rs.getInt("n"), rs.getLong("last"), rs.getArray("ids"));
              return Boolean.TRUE;
            })
        .forEach(ignored -> {});
    return values;
  }

  /** The batch's distinct values, sorted by what apply does with them. */
  private final class Values {
    final List<String> olds = new ArrayList<>();
    final List<String> news = new ArrayList<>();
    final List<Long> unmappableIds = new ArrayList<>();
    final List<String> unmappableStages = new ArrayList<>();
    int scanned;
    int nulls;
    long end;

    void add(String stage, int rows, long maxId, Array ids) throws SQLException {
      scanned += rows;
      end = Math.max(end, maxId);
      if (stage == null) {
        nulls += rows;
        return;
      }
      String canonical = normalizer.normalizeToWireName(stage);
      if (canonical == null) {
        for (Long id : (Long[]) ids.getArray()) {
          unmappableIds.add(id);
          unmappableStages.add(stage);
        }
      } else if (!canonical.equals(stage)) {
        olds.add(stage);
        news.add(canonical);
      }
    }
  }
}
