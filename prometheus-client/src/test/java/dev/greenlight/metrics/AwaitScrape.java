package dev.greenlight.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.PrometheusProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoublePredicate;

/**
 * Waiting for a real Prometheus to have scraped what a test reads: it starts answering before its
 * first scrape, so a test asks through the source it tests until the value is there.
 */
final class AwaitScrape {
  /** Prometheus scrapes every second; 40 s leaves room for a slow start on the shared cores. */
  private static final Duration TIMEOUT = Duration.ofSeconds(40);

  private AwaitScrape() {}

  /**
   * Asks {@code query} until its value passes {@code wanted}; fails at once if Prometheus exits,
   * else after the timeout with the last answer or error and Prometheus' log.
   */
  static void untilValue(
      MetricSource source, String query, DoublePredicate wanted, PrometheusProcess prometheus) {
    AtomicReference<String> last = new AtomicReference<>("nothing yet");
    Await.until(
        TIMEOUT,
        "a scrape that makes " + query + " what the test needs",
        () -> {
          if (!prometheus.isAlive()) {
            fail("prometheus exited:\n" + prometheus.log());
          }
          try {
            double value = source.instant(query, Instant.now());
            if (wanted.test(value)) {
              return true;
            }
            last.set("value " + value);
          } catch (MetricReadException e) {
            last.set(e.getMessage()); // not listening or not yet scraped
          }
          return false;
        },
        () -> "last: " + last.get() + "\n" + prometheus.log());
  }
}
