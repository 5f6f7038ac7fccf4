package dev.greenlight.validator;

import java.util.Locale;

/**
 * How strictly the {@code stage} field is validated on a surface.
 *
 * <ul>
 *   <li>{@link #OFF}: the value passes untouched, nothing is normalized.
 *   <li>{@link #WARN}: every value is accepted; known ones are normalized, unknown ones are counted
 *       and logged.
 *   <li>{@link #ENFORCE}: for the consumers inside the canary percentage, unknown values are
 *       rejected; the others are treated as in {@link #WARN}.
 * </ul>
 *
 * <p>The wire names ({@code off}, {@code warn}, {@code enforce}) are what Redis holds and what
 * operators type.
 */
public enum ValidationMode {
  OFF("off"),
  WARN("warn"),
  ENFORCE("enforce");

  private final String wireName;

  ValidationMode(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case spelling stored in Redis and shown to operators. */
  public String wireName() {
    return wireName;
  }

  /**
   * The mode spelled {@code value}, ignoring case and surrounding whitespace.
   *
   * @throws IllegalArgumentException naming the value and the allowed set when it is no mode
   */
  public static ValidationMode parse(String value) {
    if (value != null) {
      String wanted = value.trim().toLowerCase(Locale.ROOT);
      for (ValidationMode mode : values()) {
        if (mode.wireName.equals(wanted)) {
          return mode;
        }
      }
    }
    throw new IllegalArgumentException(
        "mode must be one of [off, warn, enforce] but was " + quoted(value));
  }

  private static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }

  @Override
  public String toString() {
    return wireName;
  }
}
