package dev.greenlight.validator.bench;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link ModeResolver#current()} on a resolver connected to real Redis ({@code
 * GREENLIGHT_TEST_REDIS_URL}, or embedded): the cost of resolving the mode on the request path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModeResolverBenchmark {
  private RedisClient client;
  private ModeResolver resolver;

  @Setup
  public void setUp() {
    client = RedisClient.create(TestServices.redis().url());
    resolver =
        ModeResolver.builder(client)
            .keyPrefix("glbench:" + UUID.randomUUID() + ":")
            .surface("companies")
            .defaultMode(ValidationMode.WARN)
            .refreshInterval(Duration.ofSeconds(5))
            .build();
  }

  @TearDown
  public void tearDown() {
    resolver.close();
    client.shutdown();
  }

  @Benchmark
  public ModeRecord current() {
    return resolver.current();
  }
}
