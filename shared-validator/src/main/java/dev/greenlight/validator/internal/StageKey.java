package dev.greenlight.validator.internal;

import java.util.Set;

/**
 * The lookup key of a stage spelling: lower case, separators removed, filler words dropped. "Series
 * A Round", "series_a" and "SERIES-A" all have the key {@code seriesa}.
 */
public final class StageKey {
  /**
   * No real stage spelling is longer; anything longer is unknown without being scanned, so a 100 KB
   * string costs no more than a short one.
   */
  static final int MAX_INPUT_LENGTH = 64;

  private static final Set<String> FILLERS = Set.of("round", "stage", "funding");

  private StageKey() {}

  /** The key of {@code raw}, or null when nothing is left of it or it cannot be a stage. */
  public static String of(String raw) {
    if (raw == null || raw.length() > MAX_INPUT_LENGTH) {
      return null;
    }
    StringBuilder key = new StringBuilder(raw.length());
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isSeparator(c)) {
        appendToken(key, token);
      } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        // Control characters and astral code points appear in no stage: reject rather than guess.
        return null;
      } else {
        token.append(Character.toLowerCase(c));
      }
    }
    appendToken(key, token);
    return key.length() == 0 ? null : key.toString();
  }

  private static void appendToken(StringBuilder key, StringBuilder token) {
    if (token.length() > 0 && !FILLERS.contains(token.toString())) {
      key.append(token);
    }
    token.setLength(0);
  }

  static boolean isSeparator(char c) {
    return c == ' ' || c == '_' || c == '.' || c == '-' || c == '\t' || Character.isSpaceChar(c);
  }
}
