package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSizerTest {
  private static final long MS = 1_000_000;

  @Test
  void fastBatchesGrowAtMostTwofoldUpToTheMaximum() {
    BatchSizer sizer = new BatchSizer(1_000, 100, 5_000, Duration.ofMillis(500));
    sizer.record(1_000, 10 * MS); // ideal would be 50 000
    assertEquals(2_000, sizer.current());
    sizer.record(2_000, 20 * MS);
    assertEquals(4_000, sizer.current());
    sizer.record(4_000, 40 * MS);
    assertEquals(5_000, sizer.current());
  }

  @Test
  void slowBatchesShrinkAtMostByHalfDownToTheMinimum() {
    BatchSizer sizer = new BatchSizer(1_000, 300, 5_000, Duration.ofMillis(500));
    sizer.record(1_000, 5_000 * MS); // ideal would be 100
    assertEquals(500, sizer.current());
    sizer.record(500, 5_000 * MS);
    assertEquals(300, sizer.current());
  }

  @Test
  void sizeSettlesWhereABatchTakesTheTarget() {
    BatchSizer sizer = new BatchSizer(1_000, 100, 50_000, Duration.ofMillis(500));
    sizer.record(1_000, 400 * MS); // 2 500 rows/s → 1 250 rows in 500 ms
    assertEquals(1_250, sizer.current());
  }

  @Test
  void aShortFinalBatchSaysNothingAboutTheRate() {
    BatchSizer sizer = new BatchSizer(1_000, 100, 5_000, Duration.ofMillis(500));
    sizer.record(10, 400 * MS);
    assertEquals(1_000, sizer.current());
  }

  @Test
  void lockTimeoutHalvesTheSize() {
    BatchSizer sizer = new BatchSizer(1_000, 400, 5_000, Duration.ofMillis(500));
    sizer.shrink();
    assertEquals(500, sizer.current());
    sizer.shrink();
    assertEquals(400, sizer.current());
  }
}
