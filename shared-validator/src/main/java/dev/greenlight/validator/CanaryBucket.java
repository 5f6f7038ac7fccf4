package dev.greenlight.validator;

import java.util.Objects;

/**
 * The canary bucket of a consumer: a number 0–99 that depends only on the consumer key, so the same
 * consumer always lands in the same bucket, in every JVM and every language.
 *
 * <p>The hash is 32-bit FNV-1a over the key's UTF-8 bytes, read as an unsigned number, modulo 100:
 *
 * <pre>
 *   hash = 0x811C9DC5
 *   for each byte b of utf8(key):
 *     hash = hash XOR b
 *     hash = (hash * 0x01000193) mod 2^32
 *   bucket = hash mod 100            (hash as unsigned 32-bit)
 * </pre>
 *
 * <p>For example {@code "a"} hashes to {@code 0xE40C292C} = 3826002220, bucket 20. An unpaired
 * surrogate encodes as {@code '?'}, as Java's {@code String.getBytes(UTF_8)} does. A consumer is
 * enforced at {@code percent} when its bucket is below it: 0 enforces nobody, 100 everybody, and
 * raising the percentage only adds consumers.
 *
 * <p>Stateless and thread-safe; encodes on the fly, so it allocates nothing.
 */
public final class CanaryBucket {
  private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;

  private CanaryBucket() {}

  /** The bucket 0–99 of {@code consumerKey}. */
  public static int of(String consumerKey) {
    Objects.requireNonNull(consumerKey, "consumerKey must not be null");
    return Integer.remainderUnsigned(fnv1a(consumerKey), 100);
  }

  /** Whether {@code consumerKey} is inside a canary of {@code percent} (0–100). */
  public static boolean isEnforced(String consumerKey, int percent) {
    if (percent <= 0) {
      return false;
    }
    if (percent >= 100) {
      return true;
    }
    return of(consumerKey) < percent;
  }

  /** FNV-1a 32 over the UTF-8 encoding of {@code key}, encoded char by char without a buffer. */
  static int fnv1a(String key) {
    int hash = FNV_OFFSET_BASIS;
    int length = key.length();
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        hash = (hash ^ c) * FNV_PRIME;
      } else if (c < 0x800) {
        hash = (hash ^ (0xC0 | (c >> 6))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, key.charAt(++i));
        hash = (hash ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
      } else if (Character.isSurrogate(c)) {
        hash = (hash ^ '?') * FNV_PRIME;
      } else {
        hash = (hash ^ (0xE0 | (c >> 12))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      }
    }
    return hash;
  }
}
