package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationOptionsTest {
  @Test
  void defaultsFollowTheIssue() {
    MigrationOptions o = MigrationOptions.defaults();
    assertEquals(Duration.ofMillis(500), o.targetBatchDuration());
    assertEquals(0, o.maxRowsPerSecond());
    assertEquals(null, o.resumeFrom());
  }

  @Test
  void invalidValuesAreRefusedNamingValueAndRule() {
    assertEquals(
        "initial batch size must be positive but was 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> MigrationOptions.builder().initialBatchSize(0))
            .getMessage());
    assertEquals(
        "max rows per second must be 0 (no cap) or more but was -5",
        assertThrows(
                IllegalArgumentException.class,
                () -> MigrationOptions.builder().maxRowsPerSecond(-5))
            .getMessage());
    assertEquals(
        "batch sizes must satisfy min <= initial <= max but were 100 <= 1000 <= 500",
        assertThrows(
                IllegalArgumentException.class,
                () -> MigrationOptions.builder().maxBatchSize(500).build())
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MigrationOptions.builder().lockTimeout(Duration.ZERO));
  }

  @Test
  void resumeFromKeepsEverythingElse() {
    MigrationOptions o = MigrationOptions.builder().fixedBatchSize(77).resumeFrom(42).build();
    assertEquals(42L, o.resumeFrom());
    assertEquals(77, o.initialBatchSize());
    assertEquals(77, o.maxBatchSize());
  }
}
