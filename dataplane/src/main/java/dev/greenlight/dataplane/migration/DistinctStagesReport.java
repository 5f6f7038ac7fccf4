package dev.greenlight.dataplane.migration;

import java.util.List;

/**
 * The distinct {@code stage} values of {@code portfolio_companies} after a migration: counts per
 * canonical stage, NULL rows, and every offending (non-canonical) value with its count and sample
 * ids. {@code passed} is true when there is no offending value. The offending list holds the most
 * frequent values up to a limit; {@code offendingValues} and {@code offendingRows} are exact.
 *
 * @param nullsAllowed whether NULL counted as acceptable (the default) or as offending
 */
public record DistinctStagesReport(
    boolean passed,
    long totalRows,
    List<StageCount> canonical,
    long nullRows,
    boolean nullsAllowed,
    List<OffendingValue> offending,
    long offendingValues,
    long offendingRows,
    long durationMillis) {
  public DistinctStagesReport {
    canonical = List.copyOf(canonical);
    offending = List.copyOf(offending);
  }

  /** A canonical stage and how many rows hold it. */
  public record StageCount(String stage, long rows) {}

  /** A non-canonical value (null for NULL when NULL is not allowed), its count and sample ids. */
  public record OffendingValue(String value, long rows, List<Long> sampleIds) {
    public OffendingValue {
      sampleIds = List.copyOf(sampleIds);
    }
  }
}
