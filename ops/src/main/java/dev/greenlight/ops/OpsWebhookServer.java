package dev.greenlight.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.validator.ModeStore;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ops webhook as an HTTP(S) server on Jetty: {@code POST /ops/alertmanager}, {@code GET
 * /healthz} and {@code GET /metrics}.
 *
 * <p>Jetty parses headers without holding a thread, so idle or trickling connections cost a
 * connection slot, not a worker; {@link ReadDeadlines} closes them once they miss the read
 * deadline, and at most {@link WebhookConfig#maxConnections()} are open at once. (The JDK's
 * HttpServer reads headers on its worker threads with no per-request deadline, so 16 slow clients
 * stalled it; docs/BENCHMARKS.md has the comparison.)
 *
 * <p>The caller builds the collaborators once (the mode store, the Temporal client, the metrics
 * registry) and closes them after {@link #close()}; the server owns only its socket and threads.
 */
public final class OpsWebhookServer implements AutoCloseable {
  private static final int MAX_THREADS = 32;

  private final Server server;
  private final ServerConnector connector;
  private final ReadDeadlines deadlines;
  private final PrometheusRegistry registry;
  private final ObjectMapper mapper;
  private final AlertmanagerHandler alerts;

  /**
   * Builds the server; {@link #start()} binds and starts answering.
   *
   * @throws IllegalArgumentException when the TLS files cannot be used, naming them
   */
  public OpsWebhookServer(
      WebhookConfig config,
      ModeStore modes,
      WorkflowClient workflows,
      PrometheusRegistry registry) {
    // Unusable TLS files fail first, before anything is built or registered.
    SslContextFactory.Server tls = config.tls() ? tls(config) : null;
    this.registry = registry;
    mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    alerts =
        new AlertmanagerHandler(config, modes, workflows, new WebhookMetrics(registry), mapper);
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("greenlight-webhook");
    server = new Server(threads);
    HttpConnectionFactory http = new HttpConnectionFactory(new HttpConfiguration());
    connector =
        tls != null
            ? new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"), http)
            : new ServerConnector(server, 1, 1, http);
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.readTimeout().toMillis());
    deadlines = new ReadDeadlines(config.readTimeout());
    connector.addBean(deadlines);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
    server.setHandler(new Routes());
  }

  private static SslContextFactory.Server tls(WebhookConfig config) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(PemKeyStore.load(config.tlsCert(), config.tlsKey()));
    tls.setKeyStorePassword(PemKeyStore.PASSWORD);
    return tls;
  }

  /**
   * Binds the port and starts answering.
   *
   * @throws IOException when the port cannot be bound
   */
  public OpsWebhookServer start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    } catch (Exception e) {
      close();
      throw new IOException("the webhook could not start: " + e.getMessage(), e);
    }
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Connections open now, for tests. */
  int openConnections() {
    return deadlines.openConnections();
  }

  /** Routes by path; every request's connection is under the read deadline until it gets here. */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      deadlines.working(request);
      Callback replied =
          Callback.from(
              () -> {
                deadlines.replied(request);
                callback.succeeded();
              },
              callback::failed);
      WebhookExchange exchange = new WebhookExchange(request, response, replied, deadlines, mapper);
      String path = request.getHttpURI().getPath();
      try {
        switch (path) {
          case "/ops/alertmanager" -> alerts.handle(exchange);
          case "/healthz" -> exchange.reply(200, Map.of("status", "ok"));
          case "/metrics" -> metrics(request, exchange);
          default -> exchange.refuse(404, WebhookExchange.error("not-found"));
        }
      } catch (IOException e) {
        exchange.abort(e);
      }
      return true;
    }
  }

  private void metrics(Request request, WebhookExchange exchange) throws IOException {
    var writer = ExpositionFormats.init().findWriter(request.getHeaders().get("Accept"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    exchange.reply(200, writer.getContentType(), out.toByteArray());
  }

  /** Stops answering, giving requests in flight a second. */
  @Override
  public void close() {
    server.setStopTimeout(1_000);
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: the process is going away or the test is over.
    } finally {
      deadlines.close();
    }
  }
}
