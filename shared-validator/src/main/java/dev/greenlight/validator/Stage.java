package dev.greenlight.validator;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A canonical funding stage: the only values {@code portfolio_companies.stage} may hold. */
public enum Stage {
  PRE_SEED("pre-seed"),
  SEED("seed"),
  SERIES_A("series-a"),
  SERIES_B("series-b"),
  SERIES_C("series-c"),
  SERIES_C_PLUS("series-c+");

  private static final List<String> WIRE_NAMES =
      Arrays.stream(values()).map(Stage::wireName).collect(Collectors.toUnmodifiableList());

  private final String wireName;

  Stage(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling stored and sent over the API, such as {@code series-c+}. */
  public String wireName() {
    return wireName;
  }

  /** Every canonical spelling, in stage order: what an error body lists as allowed. */
  public static List<String> wireNames() {
    return WIRE_NAMES;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
