package dev.greenlight.dataplane.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSizerTest {
  private static final long MS = 1_000_000;

  /** A batch the sizer is told about: how many rows it had and how long it took. */
  private record Batch(int rows, long millis) {}

  private static Batch batch(int rows, long millis) {
    return new Batch(rows, millis);
  }

  /** Every case starts at 1 000 rows and aims at 500 ms a batch, between these bounds. */
  private static BatchSizer sizer(int minimum, int maximum) {
    return new BatchSizer(1_000, minimum, maximum, Duration.ofMillis(500));
  }

  /** The size the sizer asks for after each batch in turn. */
  private static List<Integer> sizesAfter(BatchSizer sizer, Batch... batches) {
    List<Integer> sizes = new ArrayList<>();
    for (Batch b : batches) {
      sizer.record(b.rows(), b.millis() * MS);
      sizes.add(sizer.current());
    }
    return sizes;
  }

  @Test
  void fastBatchesGrowAtMostTwofoldUpToTheMaximum() {
    // 1 000 rows in 10 ms: the ideal would be 50 000.
    assertEquals(
        List.of(2_000, 4_000, 5_000),
        sizesAfter(sizer(100, 5_000), batch(1_000, 10), batch(2_000, 20), batch(4_000, 40)));
  }

  @Test
  void slowBatchesShrinkAtMostByHalfDownToTheMinimum() {
    // 1 000 rows in 5 s: the ideal would be 100.
    assertEquals(
        List.of(500, 300), sizesAfter(sizer(300, 5_000), batch(1_000, 5_000), batch(500, 5_000)));
  }

  @Test
  void sizeSettlesWhereABatchTakesTheTarget() {
    // 2 500 rows/s → 1 250 rows in 500 ms
    assertEquals(List.of(1_250), sizesAfter(sizer(100, 50_000), batch(1_000, 400)));
  }

  @Test
  void aShortFinalBatchSaysNothingAboutTheRate() {
    assertEquals(List.of(1_000), sizesAfter(sizer(100, 5_000), batch(10, 400)));
  }

  @Test
  void lockTimeoutHalvesTheSize() {
    BatchSizer sizer = sizer(400, 5_000);
    sizer.shrink();
    assertEquals(500, sizer.current());
    sizer.shrink();
    assertEquals(400, sizer.current());
  }
}
