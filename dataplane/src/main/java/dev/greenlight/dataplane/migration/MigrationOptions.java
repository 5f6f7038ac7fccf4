package dev.greenlight.dataplane.migration;

import java.time.Duration;

/**
 * How an apply run paces itself: batch size bounds and the batch duration it steers toward, an
 * optional rows-per-second cap, the lock timeout and retry budget per batch, and an optional
 * explicit resume point.
 *
 * <p>Build with {@link #builder()}; every setter checks its argument. Immutable.
 *
 * @param maxRowsPerSecond rows scanned per second at most; 0 for no cap
 * @param resumeFrom an id to continue after (the runbook's {@code --resume-from}), overriding the
 *     run's checkpoint; null to continue from the checkpoint
 */
public record MigrationOptions(
    int initialBatchSize,
    int minBatchSize,
    int maxBatchSize,
    Duration targetBatchDuration,
    long maxRowsPerSecond,
    Duration lockTimeout,
    int maxAttemptsPerBatch,
    Duration initialBackoff,
    Duration maxBackoff,
    Long resumeFrom) {

  public static MigrationOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Checks each value as it is set; {@link #build} checks how they relate. */
  public static final class Builder {
    private int initialBatchSize = 1_000;
    private int minBatchSize = 100;
    private int maxBatchSize = 100_000;
    private Duration targetBatchDuration = Duration.ofMillis(500);
    private long maxRowsPerSecond;
    private Duration lockTimeout = Duration.ofSeconds(2);
    private int maxAttemptsPerBatch = 6;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Long resumeFrom;

    private Builder() {}

    public Builder initialBatchSize(int rows) {
      initialBatchSize = positive("initial batch size", rows);
      return this;
    }

    public Builder minBatchSize(int rows) {
      minBatchSize = positive("minimum batch size", rows);
      return this;
    }

    public Builder maxBatchSize(int rows) {
      maxBatchSize = positive("maximum batch size", rows);
      return this;
    }

    /** A fixed batch size: initial, minimum and maximum all {@code rows}. */
    public Builder fixedBatchSize(int rows) {
      return initialBatchSize(rows).minBatchSize(rows).maxBatchSize(rows);
    }

    public Builder targetBatchDuration(Duration duration) {
      targetBatchDuration = positive("target batch duration", duration);
      return this;
    }

    public Builder maxRowsPerSecond(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException(
            "max rows per second must be 0 (no cap) or more but was " + rows);
      }
      maxRowsPerSecond = rows;
      return this;
    }

    public Builder lockTimeout(Duration timeout) {
      lockTimeout = positive("lock timeout", timeout);
      return this;
    }

    public Builder maxAttemptsPerBatch(int attempts) {
      maxAttemptsPerBatch = positive("max attempts per batch", attempts);
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      initialBackoff = positive("initial backoff", initial);
      maxBackoff = positive("max backoff", max);
      return this;
    }

    public Builder resumeFrom(long id) {
      if (id < 0) {
        throw new IllegalArgumentException("resume-from id must be 0 or more but was " + id);
      }
      resumeFrom = id;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the bounds do not contain the initial batch size
     */
    public MigrationOptions build() {
      if (minBatchSize > initialBatchSize || initialBatchSize > maxBatchSize) {
        throw new IllegalArgumentException(
            "batch sizes must satisfy min <= initial <= max but were "
                + minBatchSize
                + " <= "
                + initialBatchSize
                + " <= "
                + maxBatchSize);
      }
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "initial backoff " + initialBackoff + " must not exceed max backoff " + maxBackoff);
      }
      return new MigrationOptions(
          initialBatchSize,
          minBatchSize,
          maxBatchSize,
          targetBatchDuration,
          maxRowsPerSecond,
          lockTimeout,
          maxAttemptsPerBatch,
          initialBackoff,
          maxBackoff,
          resumeFrom);
    }

    private static int positive(String what, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive but was " + value);
      }
      return value;
    }

    private static Duration positive(String what, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive but was " + value);
      }
      return value;
    }
  }
}
