package dev.greenlight.dataplane.seed;

/** The kind of {@code stage} value the seeder wrote into a row, before any normalization. */
public enum SeedCategory {
  /** Already a canonical wire name such as {@code series-a}. */
  CANONICAL,
  /** Another spelling of a canonical stage: case, separators, filler words, aliases. */
  VARIANT,
  /** Series D, E or F in some spelling, which normalizes to {@code series-c+}. */
  LATE_SERIES,
  /** Empty or whitespace only. */
  BLANK,
  /** SQL NULL: no stage recorded. */
  NULL,
  /** Text that is no stage at all, including strings that look like SQL. */
  JUNK
}
