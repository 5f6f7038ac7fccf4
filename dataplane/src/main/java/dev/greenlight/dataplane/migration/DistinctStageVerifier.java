package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.migration.DistinctStagesReport.OffendingValue;
import dev.greenlight.dataplane.migration.DistinctStagesReport.StageCount;
import dev.greenlight.validator.Stage;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks that every {@code stage} left in {@code portfolio_companies} is a canonical wire name, the
 * runbook's "verify distinct stages". Canonical means exactly {@link Stage#wireNames()}: the shared
 * validator's list, not a copy. Blank strings are offending; NULL ("no stage recorded") is allowed
 * unless the caller says otherwise, matching apply, which leaves NULL alone.
 */
final class DistinctStageVerifier {
  private static final String GROUPS =
      "SELECT stage, count(*) AS n,"
          + " CASE WHEN stage = ANY(CAST(:canonical AS text[])) THEN NULL"
          + " ELSE (array_agg(id ORDER BY id))[1 : :samples] END AS sample"
          + " FROM portfolio_companies GROUP BY stage ORDER BY count(*) DESC, stage";

  private final Jdbi jdbi;

  DistinctStageVerifier(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  DistinctStagesReport inspect(boolean nullsAllowed, int limit, int samples) {
    long started = System.nanoTime();
    List<StageCount> canonical = new ArrayList<>();
    List<OffendingValue> offending = new ArrayList<>();
    long[] counts = new long[4]; // total rows, NULL rows, offending rows, offending values
    jdbi.useHandle(
        h ->
            h.createQuery(GROUPS)
                .bind("samples", samples)
                .bindArray("canonical", String.class, Stage.wireNames())
                .setFetchSize(1_000)
                .map(
                    (rs, ctx) -> {
                      String stage = rs.getString("stage");
                      long rows = rs.getLong("n");
                      counts[0] += rows;
                      if (stage == null) {
                        counts[1] += rows;
                      }
                      if (stage != null && Stage.wireNames().contains(stage)) {
                        canonical.add(new StageCount(stage, rows));
                      } else if (stage != null || !nullsAllowed) {
                        counts[2] += rows;
                        // Rows arrive most frequent first, so the first `limit` are the ones to
                        // list.
                        if (counts[3]++ < limit) {
                          offending.add(
                              new OffendingValue(stage, rows, DryRun.ids(rs.getArray("sample"))));
                        }
                      }
                      return Boolean.TRUE;
                    })
                .forEach(ignored -> {}));
    return new DistinctStagesReport(
        counts[3] == 0,
        counts[0],
        canonical,
        counts[1],
        nullsAllowed,
        offending,
        counts[3],
        counts[2],
        (System.nanoTime() - started) / 1_000_000);
  }
}
