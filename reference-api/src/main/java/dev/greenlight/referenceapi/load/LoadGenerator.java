package dev.greenlight.referenceapi.load;

import dev.greenlight.referenceapi.load.LoadReport.ConsumerOutcome;
import dev.greenlight.referenceapi.load.LoadReport.StopReason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load generator for the reference API: {@link LoadPlan#concurrency()} threads send
 * requests until {@link LoadPlan#maxRequests()} are sent or {@link LoadPlan#maxDuration()} has
 * passed, whichever comes first, then it returns a {@link LoadReport}.
 *
 * <p>Request {@code n} belongs to consumer {@code n mod consumers}, so every consumer sends about
 * the same number. Each request carries its consumer in {@code X-Api-Key}. Updates patch companies
 * the same thread created earlier in the run, never rows it did not write. Blocks the caller; one
 * run per call; the HTTP client is the run's own.
 */
public final class LoadGenerator {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final LoadPlan plan;
  private final HttpClient client;
  private final AtomicLong issued = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong transportErrors = new AtomicLong();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final Map<String, long[]> consumers = new ConcurrentHashMap<>();
  private long started;
  private long deadline;

  private LoadGenerator(LoadPlan plan) {
    this.plan = plan;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  /** Runs {@code plan} to one of its bounds and reports. */
  public static LoadReport run(LoadPlan plan) {
    return new LoadGenerator(plan).execute();
  }

  private LoadReport execute() {
    started = System.nanoTime();
    deadline = started + plan.maxDuration().toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < plan.concurrency(); i++) {
      SplittableRandom random = new SplittableRandom(plan.seed() * 1_000_003L + i);
      Thread thread = new Thread(() -> work(random), "load-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        // Every request times out, so each thread ends soon after the deadline.
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        threads.forEach(Thread::interrupt);
        break;
      }
    }
    long elapsed = System.nanoTime() - started;
    return new LoadReport(
        sent.get(),
        transportErrors.get(),
        elapsed,
        statusCounts(),
        consumerOutcomes(),
        sent.get() >= plan.maxRequests() ? StopReason.COUNT : StopReason.TIME);
  }

  private void work(SplittableRandom random) {
    List<Long> created = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
      long n = issued.getAndIncrement();
      if (n >= plan.maxRequests() || !awaitTurn(n)) {
        return;
      }
      String consumer = plan.consumerKey((int) (n % plan.consumers()));
      StageKind kind = pickKind(random);
      String stage = kind.pick(random);
      HttpRequest request = request(random, consumer, stage, created);
      sent.incrementAndGet();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == 201 && created.size() < 1_000) {
          Matcher id = ID.matcher(response.body());
          if (id.find()) {
            created.add(Long.parseLong(id.group(1)));
          }
        }
        if (kind == StageKind.UNKNOWN) {
          tally(consumer, status);
        }
      } catch (IOException e) {
        transportErrors.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * In a paced run, waits until request {@code n} is due; false when the deadline comes first. The
   * schedule is anchored at the start, so a slow answer is caught up rather than lost.
   */
  private boolean awaitTurn(long n) {
    if (plan.maxRequestsPerSecond() == 0) {
      return true;
    }
    long due = started + n * 1_000_000_000L / plan.maxRequestsPerSecond();
    if (due >= deadline) {
      return false;
    }
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private HttpRequest request(
      SplittableRandom random, String consumer, String stage, List<Long> created) {
    // The endpoint mix is create, update, list; an update needs a company this run created.
    int endpoint = plan.endpointMix().pick(random);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder().timeout(REQUEST_TIMEOUT).header("X-Api-Key", consumer);
    String body = "{\"stage\":\"" + stage + "\"";
    if (endpoint == 2) {
      String query = "stage=" + URLEncoder.encode(stage, StandardCharsets.UTF_8) + "&limit=10";
      return builder.uri(resolve("/companies?" + query)).GET().build();
    }
    if (endpoint == 1 && !created.isEmpty()) {
      long id = created.get(random.nextInt(created.size()));
      return builder
          .uri(resolve("/companies/" + id))
          .header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString(body + "}"))
          .build();
    }
    return builder
        .uri(resolve("/companies"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body + ",\"name\":\"load " + consumer + "\"}"))
        .build();
  }

  private StageKind pickKind(SplittableRandom random) {
    return switch (plan.stageMix().pick(random)) {
      case 0 -> StageKind.CANONICAL;
      case 1 -> StageKind.ALIAS;
      default -> StageKind.UNKNOWN;
    };
  }

  private void tally(String consumer, int status) {
    long[] counts = consumers.computeIfAbsent(consumer, c -> new long[3]);
    synchronized (counts) {
      counts[0]++;
      if (status == 422) {
        counts[1]++;
      } else if (status >= 200 && status < 300) {
        counts[2]++;
      }
    }
  }

  private URI resolve(String pathAndQuery) {
    return plan.baseUri().resolve(pathAndQuery);
  }

  private Map<Integer, Long> statusCounts() {
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.get()));
    return Map.copyOf(counts);
  }

  private Map<String, ConsumerOutcome> consumerOutcomes() {
    Map<String, ConsumerOutcome> outcomes = new TreeMap<>();
    consumers.forEach(
        (key, counts) -> {
          synchronized (counts) {
            outcomes.put(key, new ConsumerOutcome(counts[0], counts[1], counts[2]));
          }
        });
    return outcomes;
  }
}
