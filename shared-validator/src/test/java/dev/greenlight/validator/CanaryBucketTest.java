package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanaryBucketTest {
  /** The definition in the Javadoc, written the slow way over real UTF-8 bytes. */
  private static int referenceFnv1a(String key) {
    int hash = 0x811C9DC5;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x01000193;
    }
    return hash;
  }

  @Test
  void hashMatchesPublishedFnv1aVectors() {
    // Test vectors of 32-bit FNV-1a, as any other implementation computes them.
    assertEquals(0x811C9DC5, CanaryBucket.fnv1a(""));
    assertEquals(0xE40C292C, CanaryBucket.fnv1a("a"));
    assertEquals(0xBF9CF968, CanaryBucket.fnv1a("foobar"));
    assertEquals(20, CanaryBucket.of("a"));
  }

  @Test
  void inlineUtf8EncodingMatchesJavaEncoderForAnyString() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        switch (random.nextInt(5)) {
          case 0 -> key.append((char) random.nextInt(0x80));
          case 1 -> key.append((char) (0x80 + random.nextInt(0x780)));
          case 2 -> key.append((char) random.nextInt(0x10000)); // may be an unpaired surrogate
          case 3 -> key.appendCodePoint(0x10000 + random.nextInt(0x100000));
          default -> key.append("client-");
        }
      }
      String k = key.toString();
      assertEquals(referenceFnv1a(k), CanaryBucket.fnv1a(k), () -> "key " + escape(k));
    }
  }

  @Test
  void hundredThousandRandomKeysSpreadOnePercentPerBucket() {
    Random random = new Random(7);
    int[] counts = new int[100];
    int keys = 100_000;
    for (int i = 0; i < keys; i++) {
      counts[CanaryBucket.of("key-" + Long.toHexString(random.nextLong()))]++;
    }
    for (int bucket = 0; bucket < 100; bucket++) {
      double share = counts[bucket] * 100.0 / keys;
      assertTrue(share >= 0.8 && share <= 1.2, "bucket " + bucket + " holds " + share + " %");
    }
  }

  @Test
  void aConsumerStaysInItsBucketAndRaisingThePercentOnlyAddsConsumers() {
    Random random = new Random(11);
    for (int i = 0; i < 1_000; i++) {
      String key = "203.0.113." + random.nextInt(256) + "/" + random.nextInt();
      int bucket = CanaryBucket.of(key);
      assertEquals(bucket, CanaryBucket.of(new String(key.toCharArray())));
      boolean before = false;
      for (int percent = 0; percent <= 100; percent++) {
        boolean enforced = CanaryBucket.isEnforced(key, percent);
        assertEquals(bucket < percent, enforced);
        assertTrue(enforced || !before, "dropped out of the canary at " + percent + " %");
        before = enforced;
      }
    }
  }

  @Test
  void zeroEnforcesNobodyAndHundredEverybody() {
    assertFalse(CanaryBucket.isEnforced("anyone", 0));
    assertTrue(CanaryBucket.isEnforced("anyone", 100));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
