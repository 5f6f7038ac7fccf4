package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.migration.DryRunReport.StageMapping;
import dev.greenlight.dataplane.migration.DryRunReport.UnmappableValue;
import dev.greenlight.validator.StageNormalizer;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Previews the migration: groups the table by stage value in the database, normalizes each distinct
 * value once with the shared normalizer, and totals what apply would do.
 *
 * <p>Runs in a READ ONLY, REPEATABLE READ transaction — the server itself refuses any write — and
 * streams the groups, keeping only the {@code limit} largest of each list, so memory does not grow
 * with the number of distinct values.
 */
record DryRun(Jdbi jdbi, StageNormalizer normalizer) {
  private static final String GROUPS =
      "SELECT stage, count(*) AS n, (array_agg(id ORDER BY id))[1 : :samples] AS sample"
          + " FROM portfolio_companies GROUP BY stage";

  DryRunReport run(int limit, int samples) {
    long started = System.nanoTime();
    Tally tally = new Tally(limit);
    jdbi.useTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          h.execute("SET TRANSACTION READ ONLY");
          h.createQuery(GROUPS)
              .bind("samples", samples)
              .setFetchSize(1_000)
              .map(
                  (rs, ctx) -> {
                    tally.add(rs.getString("stage"), rs.getLong("n"), rs.getArray("sample"));
                    return Boolean.TRUE;
                  })
              .forEach(ignored -> {});
        });
    return tally.report((System.nanoTime() - started) / 1_000_000);
  }

  /** Running totals plus bounded min-heaps of the largest mappings and unmappable values. */
  private final class Tally {
    private static final Comparator<StageMapping> MAPPING_ROWS =
        Comparator.comparingLong(StageMapping::rows);
    private static final Comparator<UnmappableValue> UNMAPPABLE_ROWS =
        Comparator.comparingLong(UnmappableValue::rows);

    final int limit;
    final PriorityQueue<StageMapping> mappings = new PriorityQueue<>(MAPPING_ROWS);
    final PriorityQueue<UnmappableValue> unmappable = new PriorityQueue<>(UNMAPPABLE_ROWS);
    long total;
    long canonical;
    long toChange;
    long unmappableRows;
    long nulls;
    long distinct;
    boolean mappingsCut;
    boolean unmappableCut;

    Tally(int limit) {
      this.limit = limit;
    }

    void add(String stage, long rows, Array sample) throws SQLException {
      total += rows;
      distinct++;
      if (stage == null) {
        nulls += rows;
        return;
      }
      String normalized = normalizer.normalizeToWireName(stage);
      if (normalized == null) {
        unmappableRows += rows;
        unmappableCut |= keep(unmappable, new UnmappableValue(stage, rows, ids(sample)));
      } else if (normalized.equals(stage)) {
        canonical += rows;
      } else {
        toChange += rows;
        mappingsCut |= keep(mappings, new StageMapping(stage, normalized, rows));
      }
    }

    DryRunReport report(long millis) {
      List<StageMapping> mappingList = new ArrayList<>(mappings);
      mappingList.sort(MAPPING_ROWS.reversed().thenComparing(StageMapping::from));
      List<UnmappableValue> unmappableList = new ArrayList<>(unmappable);
      unmappableList.sort(UNMAPPABLE_ROWS.reversed().thenComparing(UnmappableValue::value));
      return new DryRunReport(
          total,
          canonical,
          toChange,
          unmappableRows,
          nulls,
          distinct,
          mappingList,
          mappingsCut,
          unmappableList,
          unmappableCut,
          millis);
    }

    /** Adds to a min-heap bounded at {@code limit}; true when something had to be dropped. */
    private <T> boolean keep(PriorityQueue<T> heap, T item) {
      heap.add(item);
      if (heap.size() > limit) {
        heap.poll();
        return true;
      }
      return false;
    }
  }

  static List<Long> ids(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }
}
