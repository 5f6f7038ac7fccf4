package dev.greenlight.validator.internal;

import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidationResult.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of unknown stage values, limited to a number of lines per second so that a flood of bad
 * input cannot flood the logs. Lines beyond the limit are counted, and the count is logged with the
 * first line of a later second. Values are JSON-quoted and cut to 64 characters, so input cannot
 * forge log lines. Thread-safe.
 */
public final class UnknownStageLog {
  /** Logger name operators filter on. */
  public static final String LOGGER_NAME = "dev.greenlight.validator.unknown-stage";

  static final int EXCERPT_LENGTH = 64;
  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  private final int linesPerSecond;
  private final LongSupplier nanoClock;
  private final AtomicLong windowStart;
  private final AtomicInteger linesInWindow = new AtomicInteger();
  private final AtomicLong suppressed = new AtomicLong();

  public UnknownStageLog(int linesPerSecond) {
    this(linesPerSecond, System::nanoTime);
  }

  /** A log whose seconds are measured by {@code nanoClock} ({@link System#nanoTime} in use). */
  public UnknownStageLog(int linesPerSecond, LongSupplier nanoClock) {
    if (linesPerSecond < 1) {
      throw new IllegalArgumentException(
          "linesPerSecond must be at least 1 but was " + linesPerSecond);
    }
    this.linesPerSecond = linesPerSecond;
    this.nanoClock = nanoClock;
    this.windowStart = new AtomicLong(nanoClock.getAsLong());
  }

  /** Logs that {@code value} was unknown, unless this second's lines are used up. */
  public void unknown(
      String endpoint, String consumerKey, String value, ValidationMode mode, Outcome outcome) {
    long now = nanoClock.getAsLong();
    long start = windowStart.get();
    // One thread wins the switch to a new second; it alone reports what the last ones dropped.
    if (now - start >= WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
      linesInWindow.set(0);
      long dropped = suppressed.getAndSet(0);
      if (dropped > 0) {
        LOG.warn(
            "[stage-validate] {} more unknown stage values were not logged (limit {} lines a"
                + " second)",
            dropped,
            linesPerSecond);
      }
    }
    if (linesInWindow.incrementAndGet() > linesPerSecond) {
      suppressed.incrementAndGet();
      return;
    }
    LOG.warn(
        "[stage-validate] unknown stage {} at endpoint {} from consumer {}: {} in mode {}",
        excerpt(value),
        endpoint,
        excerpt(consumerKey),
        outcome.label(),
        mode.wireName());
  }

  /** The value JSON-quoted, cut to {@value #EXCERPT_LENGTH} characters with its length noted. */
  static String excerpt(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= EXCERPT_LENGTH) {
      return Json.appendString(new StringBuilder(), value).toString();
    }
    return Json.appendString(new StringBuilder(), value.substring(0, EXCERPT_LENGTH))
        .append("…(")
        .append(value.length())
        .append(" chars)")
        .toString();
  }
}
