package dev.greenlight.validator.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Redis names under one key prefix: {@code <prefix>mode:<surface>} holds a surface's record,
 * {@code <prefix>mode-audit:<surface>} is its audit stream, and every change is published on {@code
 * <prefix>mode-changes}. A change message's first line is {@code "<version> <surface>"}; the lines
 * after it carry the record (mode, percent, changedAt, changedBy, reason; see {@code ModeScripts}),
 * or are left out when {@code changedBy} spans lines. Immutable.
 */
public final class ModeKeys {
  /**
   * Surfaces name keys and a metric label, so they are short and plain; a typo fails loudly here
   * instead of creating a key nobody reads.
   */
  private static final Pattern SURFACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String prefix;

  public ModeKeys(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "keyPrefix must not be null");
  }

  public String modeKey(String surface) {
    return prefix + "mode:" + checkSurface(surface);
  }

  public String auditKey(String surface) {
    return prefix + "mode-audit:" + checkSurface(surface);
  }

  public String channel() {
    return prefix + "mode-changes";
  }

  /**
   * The version in a change message's first line if the message is about {@code surface}, otherwise
   * -1 (also for a message this code did not write).
   */
  public static long versionIfAbout(String message, String surface) {
    int space = message.indexOf(' ');
    int lineEnd = message.indexOf('\n');
    if (lineEnd < 0) {
      lineEnd = message.length();
    }
    if (space <= 0 || lineEnd != space + 1 + surface.length()) {
      return -1;
    }
    if (!message.regionMatches(space + 1, surface, 0, surface.length())) {
      return -1;
    }
    try {
      return Long.parseLong(message, 0, space, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Returns {@code surface} when it is 1–64 letters, digits, dots, underscores or hyphens.
   *
   * @throws IllegalArgumentException naming the value and the rule otherwise
   */
  public static String checkSurface(String surface) {
    if (surface == null || !SURFACE.matcher(surface).matches()) {
      throw new IllegalArgumentException(
          "surface must be 1-64 characters of [A-Za-z0-9._-] but was "
              + (surface == null ? "null" : "'" + surface + "'"));
    }
    return surface;
  }
}
