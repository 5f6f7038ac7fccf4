package dev.greenlight.validator.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * One {@link System#nanoTime()} read on this machine. {@code validate()} reads the clock twice to
 * feed the latency histogram; this shows what that costs next to the rest of the call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockBenchmark {
  @Benchmark
  public long nanoTime() {
    return System.nanoTime();
  }
}
