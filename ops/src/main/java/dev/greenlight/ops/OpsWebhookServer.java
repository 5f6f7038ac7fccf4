package dev.greenlight.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.validator.ModeStore;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The ops webhook as an HTTP server on the JDK's {@link HttpServer}: {@code POST
 * /ops/alertmanager}, {@code GET /healthz} and {@code GET /metrics}.
 *
 * <p>The caller builds the collaborators once (the mode store, the Temporal client, the metrics
 * registry) and closes them after {@link #close()}; the server owns only its socket and threads.
 */
public final class OpsWebhookServer implements AutoCloseable {
  private static final int THREADS = 16;
  private static final int DELIVERY_LOG_CAPACITY = 10_000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusRegistry registry;

  /** Binds the server; {@link #start()} starts answering. */
  public OpsWebhookServer(
      WebhookConfig config, ModeStore modes, WorkflowClient workflows, PrometheusRegistry registry)
      throws IOException {
    this.registry = registry;
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    WebhookMetrics metrics = new WebhookMetrics(registry);
    AlertmanagerHandler alerts =
        new AlertmanagerHandler(
            config,
            new WebhookAuth(config.bearerTokens(), config.hmacSecrets()),
            new DeliveryLog(Clock.systemUTC(), config.duplicateWindow(), DELIVERY_LOG_CAPACITY),
            new AlertResponder(modes, workflows, config, metrics),
            metrics,
            mapper);
    JsonReplies replies = new JsonReplies(mapper);
    server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    server.createContext("/ops/alertmanager", alerts);
    server.createContext("/healthz", e -> replies.send(e, 200, Map.of("status", "ok")));
    server.createContext("/metrics", this::metrics);
    executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
  }

  public OpsWebhookServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ExpositionFormats formats = ExpositionFormats.init();
    var writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    byte[] body = out.toByteArray();
    exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Stops answering, giving requests in flight a second. */
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
      throw new UncheckedIOException(new IOException("interrupted while stopping", e));
    }
  }
}
