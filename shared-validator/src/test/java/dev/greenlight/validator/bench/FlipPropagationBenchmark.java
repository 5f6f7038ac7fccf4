package dev.greenlight.validator.bench;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a published mode flip takes to reach a second resolver on its own {@link RedisClient}:
 * for each flip, the time from calling {@link ModeStore#compareAndSet} until {@link
 * ModeResolver#current()} shows the new version. The resolver's backstop refresh is set to a
 * minute, so only the published message can bring a flip in time. Not a JMH benchmark: a main that
 * prints p50, p99 and max.
 */
public final class FlipPropagationBenchmark {
  private static final int WARMUP_FLIPS = 20;
  private static final long POLL_NANOS = 20_000;
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
          // Poll every 20 µs rather than spin: on a 2-core machine a spinning poller would take
          // the core the resolver's threads need.
          LockSupport.parkNanos(POLL_NANOS);
        }
        if (i >= WARMUP_FLIPS) {
          nanos[i - WARMUP_FLIPS] = System.nanoTime() - started;
        }
      }
      report("flip propagation over " + flips + " flips (Redis " + url + ")", nanos);
      // Context for the numbers above: one plain round trip to the same Redis, measured now.
      try (StatefulRedisConnection<String, String> ping = writerClient.connect()) {
        long[] pings = new long[flips];
        for (int i = 0; i < flips; i++) {
          long started = System.nanoTime();
          ping.sync().ping();
          pings[i] = System.nanoTime() - started;
        }
        report("PING round trip, same Redis, " + flips + " times", pings);
      }
    } finally {
      writerClient.shutdown();
      readerClient.shutdown();
    }
    System.exit(0);
  }

  private static void report(String what, long[] nanos) {
    Arrays.sort(nanos);
    int n = nanos.length;
    System.out.printf(
        "%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        what,
        millis(nanos[n / 2]),
        millis(nanos[(int) Math.ceil(n * 0.99) - 1]),
        millis(nanos[n - 1]));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
