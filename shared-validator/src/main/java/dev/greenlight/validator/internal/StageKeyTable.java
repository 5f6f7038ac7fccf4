package dev.greenlight.validator.internal;

import dev.greenlight.validator.Stage;
import java.util.Map;

/**
 * A lookup from spellings to stages by their {@link StageKey}, which reads the key straight out of
 * the raw string instead of building it: one pass hashes the key's characters, a second compares
 * them with the one candidate the hash points at. So a messy spelling such as "Series A Round" is
 * looked up without allocating, in about the time of two scans of the input.
 *
 * <p>{@code lookup(raw)} answers exactly what {@code map.get(StageKey.of(raw))} would (a test holds
 * the two to it). Immutable and thread-safe.
 */
public final class StageKeyTable {
  private static final String[] FILLERS = {"round", "stage", "funding"};

  /** Open addressing, linear probing; a quarter full at most, so probes stay short. */
  private final String[] keys;

  private final Stage[] stages;
  private final int mask;

  /** A table of {@code byKey}: keys as {@link StageKey#of} builds them. */
  public StageKeyTable(Map<String, Stage> byKey) {
    int capacity = Integer.highestOneBit(Math.max(4, byKey.size() * 4) - 1) << 1;
    this.keys = new String[capacity];
    this.stages = new Stage[capacity];
    this.mask = capacity - 1;
    byKey.forEach(
        (key, stage) -> {
          int slot = spread(key.hashCode()) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = key;
          stages[slot] = stage;
        });
  }

  /** The stage whose key {@code raw} has, or null. Allocates nothing. */
  public Stage lookup(String raw) {
    long folded = fold(raw, null);
    if (folded <= 0) {
      return null;
    }
    int hash = (int) folded;
    int length = (int) (folded >>> 32);
    for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key.length() == length && key.hashCode() == hash && fold(raw, key) > 0) {
        return stages[slot];
      }
    }
    return null;
  }

  /**
   * Walks the key of {@code raw} as {@link StageKey#of} defines it and returns its length (high
   * half) and {@link String#hashCode} (low half), or -1 when {@code raw} cannot be a stage; 0 when
   * the key is empty. With a {@code candidate}, also returns -1 as soon as the key departs from it.
   */
  private static long fold(String raw, String candidate) {
    if (raw == null || raw.length() > StageKey.MAX_INPUT_LENGTH) {
      return -1;
    }
    int hash = 0;
    int length = 0;
    int tokenStart = 0;
    int end = raw.length();
    for (int i = 0; i <= end; i++) {
      char c = i < end ? raw.charAt(i) : ' ';
      if (!StageKey.isSeparator(c)) {
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
          return -1;
        }
        continue;
      }
      if (i > tokenStart && !isFiller(raw, tokenStart, i)) {
        for (int j = tokenStart; j < i; j++) {
          char lower = Character.toLowerCase(raw.charAt(j));
          if (candidate != null
              && (length >= candidate.length() || candidate.charAt(length) != lower)) {
            return -1;
          }
          hash = 31 * hash + lower;
          length++;
        }
      }
      tokenStart = i + 1;
    }
    return ((long) length << 32) | (hash & 0xFFFFFFFFL);
  }

  private static boolean isFiller(String raw, int start, int end) {
    for (String filler : FILLERS) {
      if (filler.length() == end - start && matchesLowerCase(raw, start, filler)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesLowerCase(String raw, int start, String lowerCase) {
    for (int i = 0; i < lowerCase.length(); i++) {
      if (Character.toLowerCase(raw.charAt(start + i)) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
