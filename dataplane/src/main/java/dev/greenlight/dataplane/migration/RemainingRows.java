package dev.greenlight.dataplane.migration;

import org.jdbi.v3.core.Handle;

/**
 * An estimate of how many rows lie above an id, for progress and ETA: the id span above it times
 * the table's density (planner row estimate over the whole id span). Costs two index probes and a
 * catalog read instead of a {@code count(*)} that, on a large table, could outlast a heartbeat
 * timeout before the first batch.
 */
final class RemainingRows {
  private RemainingRows() {}

  static long estimate(Handle h, long afterId) {
    return h.createQuery(
            "SELECT min(id) AS lo, max(id) AS hi, (SELECT reltuples FROM pg_class"
                + " WHERE oid = 'portfolio_companies'::regclass) AS tuples FROM portfolio_companies")
        .map(
            (rs, ctx) -> {
              long lo = rs.getLong("lo");
              long hi = rs.getLong("hi");
              if (rs.wasNull() || hi <= afterId) {
                return 0L;
              }
              double span = hi - lo + 1;
              double tuples = rs.getDouble("tuples");
              // reltuples is -1 before the first ANALYZE: assume ids are dense.
              double density = tuples > 0 ? Math.min(1.0, tuples / span) : 1.0;
              return Math.round((hi - Math.max(afterId, lo - 1)) * density);
            })
        .one();
  }
}
