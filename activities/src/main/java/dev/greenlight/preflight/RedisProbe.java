package dev.greenlight.preflight;

import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * The runbook's Redis pre-flight: times GETs of the surface's mode key, then proves the mode
 * resolver's fallback by reaching Redis through a {@link LoopbackProxy}, cutting it, and checking
 * that the resolver notices and still answers its last-known mode.
 */
public final class RedisProbe {
  private static final Duration FALLBACK_DEADLINE = Duration.ofSeconds(5);
  private static final int WARMUP_GETS = 50;

  private final RedisURI redis;
  private final String keyPrefix;

  public RedisProbe(RedisURI redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
  }

  /** What the probe measured. */
  public record Result(long getP99Micros, boolean fallbackVerified, String detail) {}

  public Result probe(String surface, int samples) throws IOException, InterruptedException {
    long p99 = timeGets(surface, samples);
    return proveFallback(surface, p99);
  }

  private long timeGets(String surface, int samples) {
    RedisClient client = RedisClient.create(redis);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      long[] micros = new long[samples];
      String key = keyPrefix + "mode:" + surface;
      // Untimed warm-up: the first GETs on a fresh connection pay for class loading and JIT, which
      // says nothing about the p99 the API will see from its long-lived connection.
      for (int i = 0; i < WARMUP_GETS; i++) {
        connection.sync().hgetall(key);
      }
      for (int i = 0; i < samples; i++) {
        long start = System.nanoTime();
        connection.sync().hgetall(key);
        micros[i] = (System.nanoTime() - start) / 1000;
      }
      Arrays.sort(micros);
      return micros[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)];
    } finally {
      client.shutdown();
    }
  }

  private Result proveFallback(String surface, long p99) throws IOException, InterruptedException {
    InetSocketAddress target = new InetSocketAddress(redis.getHost(), redis.getPort());
    LoopbackProxy proxy = new LoopbackProxy(target);
    RedisURI viaProxy =
        RedisURI.builder(redis).withHost("127.0.0.1").withPort(proxy.port()).build();
    RedisClient client = RedisClient.create(viaProxy);
    try (ModeResolver resolver =
        ModeResolver.builder(client)
            .keyPrefix(keyPrefix)
            .surface(surface)
            .defaultMode(ValidationMode.WARN)
            .refreshInterval(Duration.ofMillis(100))
            .timeout(Duration.ofMillis(300))
            .build()) {
      ModeRecord before = resolver.current();
      proxy.close();
      long deadline = System.nanoTime() + FALLBACK_DEADLINE.toNanos();
      while (!resolver.isFallback() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      ModeRecord during = resolver.current();
      if (!resolver.isFallback()) {
        return new Result(
            p99,
            false,
            "resolver did not notice Redis going away within "
                + FALLBACK_DEADLINE.toSeconds()
                + "s");
      }
      if (!during.equals(before)) {
        return new Result(
            p99, false, "resolver answered " + during + " instead of last-known " + before);
      }
      return new Result(
          p99,
          true,
          "resolver kept last-known mode "
              + before.mode().wireName()
              + " v"
              + before.version()
              + " with Redis cut off");
    } finally {
      proxy.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }
}
