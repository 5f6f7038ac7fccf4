package dev.greenlight.e2e;

import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Steady load on the reference API for as long as a test runs: the bounded {@link LoadGenerator}
 * run in 2-second chunks on a background thread, paced to {@link #RATE} requests a second so the
 * services keep their CPU. The stage mix can change between chunks; answers are tallied by status.
 *
 * <p>Bounded twice: every chunk is, and {@link #MAX_RUN} ends the loop even if {@link #close()} is
 * never called.
 */
final class PacedLoad implements AutoCloseable {
  static final int RATE = 60;
  static final Duration CHUNK = Duration.ofSeconds(2);
  static final Duration MAX_RUN = Duration.ofMinutes(9);

  private final Thread thread;
  private final Map<Integer, Long> statuses = new TreeMap<>();
  private volatile LoadPlan plan;
  private volatile boolean running = true;
  private long transportErrors;
  private long chunks;

  /** Canonical and alias stages only, over 100 consumer keys, creates, updates and lists. */
  PacedLoad(URI api) {
    plan =
        LoadPlan.to(api)
            .withBounds(RATE * CHUNK.toSeconds(), CHUNK)
            .withConsumers(100, "e2e-consumer-", 4)
            .withStageMix(8, 2, 0)
            .withEndpointMix(2, 1, 2)
            .withRate(RATE);
    thread = new Thread(this::loop, "e2e-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** From the next chunk on, send stages in these relative weights. */
  void stageMix(int canonical, int alias, int unknown) {
    plan = plan.withStageMix(canonical, alias, unknown);
  }

  private void loop() {
    long end = System.nanoTime() + MAX_RUN.toNanos();
    while (running && System.nanoTime() < end) {
      LoadReport report = LoadGenerator.run(plan);
      synchronized (statuses) {
        report.statusCounts().forEach((status, n) -> statuses.merge(status, n, Long::sum));
        transportErrors += report.transportErrors();
        chunks++;
      }
    }
  }

  /** Answers so far by HTTP status. */
  Map<Integer, Long> statuses() {
    synchronized (statuses) {
      return new TreeMap<>(statuses);
    }
  }

  /** Chunks tallied so far; a chunk's answers are added only once the whole chunk is done. */
  long chunks() {
    synchronized (statuses) {
      return chunks;
    }
  }

  long count(int status) {
    return statuses().getOrDefault(status, 0L);
  }

  long serverErrors() {
    return statuses().entrySet().stream()
        .filter(e -> e.getKey() >= 500)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  long answered() {
    return statuses().values().stream().mapToLong(Long::longValue).sum();
  }

  long transportErrors() {
    synchronized (statuses) {
      return transportErrors;
    }
  }

  @Override
  public String toString() {
    synchronized (statuses) {
      return chunks + " chunks, statuses " + statuses + ", transport errors " + transportErrors;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(CHUNK.multipliedBy(10).toMillis());
  }
}
