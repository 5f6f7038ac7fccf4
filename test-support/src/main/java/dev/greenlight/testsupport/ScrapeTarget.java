package dev.greenlight.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A loopback HTTP server whose {@code /metrics} serves Prometheus text exposition, for a test
 * Prometheus to scrape. The text is asked for again on every scrape, so a test can make counters
 * move as live traffic does.
 */
public final class ScrapeTarget implements AutoCloseable {
  private final HttpServer server;

  private ScrapeTarget(HttpServer server) {
    this.server = server;
  }

  /** Starts serving {@code exposition.get()} at {@code http://127.0.0.1:<port()>/metrics}. */
  public static ScrapeTarget serving(Supplier<String> exposition) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return new ScrapeTarget(server);
  }

  /** Serves the same text on every scrape. */
  public static ScrapeTarget serving(String exposition) throws IOException {
    return serving(() -> exposition);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
