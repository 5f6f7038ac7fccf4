package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;
import java.util.stream.Collectors;

/**
 * After the migration some {@code stage} values are still not canonical: enforcing now would reject
 * those companies. Carries the full report; the message lists the largest offenders.
 */
public final class NonCanonicalStagesException extends DataPlaneException {
  private static final int LISTED = 20;
  private final DistinctStagesReport report;

  public NonCanonicalStagesException(DistinctStagesReport report) {
    super(message(report));
    this.report = report;
  }

  public DistinctStagesReport report() {
    return report;
  }

  private static String message(DistinctStagesReport report) {
    String listed =
        report.offending().stream()
            .limit(LISTED)
            .map(
                v ->
                    (v.value() == null ? "NULL" : "'" + v.value() + "'")
                        + " x"
                        + v.rows()
                        + " (ids "
                        + v.sampleIds().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                        + (v.rows() > v.sampleIds().size() ? ", …" : "")
                        + ")")
            .collect(Collectors.joining("; "));
    long more = report.offendingValues() - Math.min(LISTED, report.offending().size());
    return report.offendingRows()
        + " rows in "
        + report.offendingValues()
        + " values are not canonical stages (allowed: canonical wire names"
        + (report.nullsAllowed() ? " and NULL" : "")
        + "): "
        + listed
        + (more > 0 ? "; and " + more + " more values" : "")
        + "; map them in the alias table or fix the rows, then resume and verify again";
  }
}
