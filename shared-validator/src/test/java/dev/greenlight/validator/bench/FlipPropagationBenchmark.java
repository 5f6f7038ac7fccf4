package dev.greenlight.validator.bench;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * How long a published mode flip takes to reach a second resolver on its own {@link RedisClient}:
 * for each flip, the time from calling {@link ModeStore#compareAndSet} until {@link
 * ModeResolver#current()} shows the new version. The resolver's backstop refresh is set to a
 * minute, so only the published message can bring a flip in time. Not a JMH benchmark: a main that
 * prints p50, p99 and max.
 */
public final class FlipPropagationBenchmark {
  private static final int WARMUP_FLIPS = 20;
  private static final long GIVE_UP_NANOS = Duration.ofSeconds(5).toNanos();

  private FlipPropagationBenchmark() {}

  /** Argument: the number of measured flips, 200 unless given. */
  public static void main(String[] args) {
    int flips = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String url = TestServices.redis().url();
    String prefix = "glbench:" + UUID.randomUUID() + ":";
    RedisClient writerClient = RedisClient.create(url);
    RedisClient readerClient = RedisClient.create(url);
    try (ModeStore store = new ModeStore(writerClient, prefix);
        ModeResolver resolver =
            ModeResolver.builder(readerClient)
                .keyPrefix(prefix)
                .surface("companies")
                .defaultMode(ValidationMode.WARN)
                .refreshInterval(Duration.ofMinutes(1))
                .build()) {
      long[] nanos = new long[flips];
      long version = 0;
      for (int i = 0; i < WARMUP_FLIPS + flips; i++) {
        ValidationMode mode = i % 2 == 0 ? ValidationMode.ENFORCE : ValidationMode.WARN;
        long started = System.nanoTime();
        version =
            store
                .compareAndSet(
                    "companies", version, new ModeChange(mode, i % 101, "bench", "flip " + i))
                .version();
        while (resolver.current().version() != version) {
          if (System.nanoTime() - started > GIVE_UP_NANOS) {
            throw new IllegalStateException("flip " + i + " not seen within 5 s");
          }
          Thread.onSpinWait();
        }
        if (i >= WARMUP_FLIPS) {
          nanos[i - WARMUP_FLIPS] = System.nanoTime() - started;
        }
      }
      Arrays.sort(nanos);
      System.out.printf(
          "flip propagation over %d flips (Redis %s): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
          flips,
          url,
          millis(nanos[flips / 2]),
          millis(nanos[(int) Math.ceil(flips * 0.99) - 1]),
          millis(nanos[flips - 1]));
    } finally {
      writerClient.shutdown();
      readerClient.shutdown();
    }
    System.exit(0);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
