package dev.greenlight.referenceapi;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.StageNormalizer;
import dev.greenlight.validator.StageValidator;
import dev.greenlight.validator.ValidatorMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The reference API service: {@code POST /companies}, {@code PATCH /companies/{id}} and {@code GET
 * /companies?stage=…} on {@code portfolio_companies}, each validating {@code stage} with {@link
 * StageValidator} in the mode {@link ModeResolver} follows, plus {@code GET /metrics}.
 *
 * <p>The caller builds the collaborators once — the {@link Jdbi}, the resolver, the {@link
 * ValidatorMetrics} the resolver reports to, and the registry both are on — and closes them after
 * {@link #close()}; the server owns only its socket and threads.
 */
public final class ReferenceApi implements AutoCloseable {
  /**
   * The JDK server writes a reply's headers and body separately; without TCP_NODELAY the second
   * write waits for the client's delayed ACK, about 40 ms per reply.
   */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds the server to {@code address} (port 0: any free one); {@link #start()} starts answering.
   *
   * @param validatorMetrics must have been built for {@link Endpoints#VALIDATED} on {@code
   *     registry}
   * @param threads request threads; more than the connection pool only queues on the pool
   */
  public ReferenceApi(
      InetSocketAddress address,
      Jdbi jdbi,
      ModeResolver modes,
      ValidatorMetrics validatorMetrics,
      PrometheusRegistry registry,
      int threads)
      throws IOException {
    Objects.requireNonNull(jdbi, "jdbi must not be null");
    Objects.requireNonNull(modes, "modes must not be null");
    Objects.requireNonNull(registry, "registry must not be null");
    if (!validatorMetrics.endpoints().equals(Endpoints.VALIDATED)) {
      throw new IllegalArgumentException(
          "validator metrics must be built for "
              + Endpoints.VALIDATED
              + " but were built for "
              + validatorMetrics.endpoints());
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    // Must be set before the first HttpServer is created: the JDK reads it once.
    System.setProperty(NODELAY_PROPERTY, "true");
    Companies companies = new Companies(jdbi);
    companies.createTableIfAbsent();
    StageValidator validator =
        new StageValidator(StageNormalizer.defaults(), modes, validatorMetrics);
    HttpMetrics httpMetrics = new HttpMetrics(registry);
    server = HttpServer.create(address, 256);
    server.createContext(
        "/companies", new CompaniesHandler(new CompanyRequests(companies, validator), httpMetrics));
    server.createContext("/metrics", new MetricsHandler(registry, httpMetrics));
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
  }

  public ReferenceApi start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops answering, giving requests in flight a second to finish. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
