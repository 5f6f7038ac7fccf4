package dev.greenlight.dataplane.seed;

/**
 * What {@code portfolio_companies} holds before a seed: whether it exists, its table comment and
 * how many rows it has (counted up to {@link #COUNT_CAP}).
 *
 * <p>A table carries {@link PortfolioSeeder#SEEDED_MARKER} as its comment when the seeder created
 * it or filled it from empty; rows in any other table are someone else's.
 *
 * @param exists whether the table exists
 * @param comment its table comment, or null
 * @param rows its rows, at most {@link #COUNT_CAP} (counting stops there)
 */
public record SeedTarget(boolean exists, String comment, long rows) {
  /** Rows are counted up to this many: enough to say "not empty", cheap on a production table. */
  public static final long COUNT_CAP = 10_000;

  /** Whether the seeder wrote the table's rows: it carries the seed marker. */
  public boolean seededBefore() {
    return PortfolioSeeder.SEEDED_MARKER.equals(comment);
  }

  /** Rows the seeder did not write: a non-empty table without the seed marker. */
  public boolean holdsRowsSeedDidNotWrite() {
    return rows > 0 && !seededBefore();
  }

  /** "1,234 rows" or "more than 10,000 rows". */
  public String describeRows() {
    return rows >= COUNT_CAP
        ? String.format("more than %,d rows", COUNT_CAP - 1)
        : String.format("%,d rows", rows);
  }
}
