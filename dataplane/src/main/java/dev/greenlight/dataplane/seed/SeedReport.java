package dev.greenlight.dataplane.seed;

import java.util.Map;

/**
 * The mix {@link PortfolioSeeder#seed} wrote: rows per {@link SeedCategory} (by construction) and
 * per outcome of the shared normalizer (what a migration will find), the id range and time taken.
 *
 * @param rowsAlreadyCanonical rows whose stage the normalizer leaves as it is
 * @param rowsToChange rows whose stage normalizes to a different canonical value
 * @param rowsUnmappable non-NULL rows the normalizer cannot map (blanks and junk)
 * @param rowsNull rows with a NULL stage
 */
public record SeedReport(
    long seed,
    long rows,
    long firstId,
    long lastId,
    Map<SeedCategory, Long> rowsByCategory,
    long rowsAlreadyCanonical,
    long rowsToChange,
    long rowsUnmappable,
    long rowsNull,
    long distinctValues,
    long durationMillis) {
  public SeedReport {
    rowsByCategory = Map.copyOf(rowsByCategory);
  }
}
