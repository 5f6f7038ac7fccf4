package dev.greenlight.dataplane.migration;

import java.util.List;

/**
 * What applying the migration would do now, read from one consistent snapshot without writing
 * anything: every (old → new) rewrite with its row count, every unmappable value with its count and
 * sample ids, and the totals. Totals are exact; the two lists keep the most frequent entries up to
 * the configured limit and say when they were cut.
 *
 * @param rowsToChange rows apply would rewrite (and log)
 * @param rowsUnmappable non-NULL rows apply would leave unchanged and log as unmappable
 * @param rowsNull rows with a NULL stage, which apply leaves alone
 */
public record DryRunReport(
    long totalRows,
    long rowsAlreadyCanonical,
    long rowsToChange,
    long rowsUnmappable,
    long rowsNull,
    long distinctValues,
    List<StageMapping> mappings,
    boolean mappingsTruncated,
    List<UnmappableValue> unmappable,
    boolean unmappableTruncated,
    long durationMillis) {
  public DryRunReport {
    mappings = List.copyOf(mappings);
    unmappable = List.copyOf(unmappable);
  }

  /** Rows holding {@code from} that apply would rewrite to {@code to}. */
  public record StageMapping(String from, String to, long rows) {}

  /** A value the normalizer cannot map, how many rows hold it and the lowest of their ids. */
  public record UnmappableValue(String value, long rows, List<Long> sampleIds) {
    public UnmappableValue {
      sampleIds = List.copyOf(sampleIds);
    }
  }
}
