package dev.greenlight.referenceapi.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorPacingTest {
  /** A loopback API stand-in answering every request with {@code handler}. */
  private static HttpServer apiStandIn(HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler);
    server.start();
    return server;
  }

  private static LoadPlan planAgainst(HttpServer server) {
    return LoadPlan.to(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @Test
  void pacedRunSendsNoFasterThanItsRate() throws Exception {
    HttpServer server =
        apiStandIn(
            exchange -> {
              byte[] body = "{\"id\":1}".getBytes();
              exchange.sendResponseHeaders(201, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });
    try {
      LoadPlan plan = planAgainst(server).withBounds(40, Duration.ofSeconds(10)).withRate(100);
      LoadReport report = LoadGenerator.run(plan);
      assertEquals(40, report.requests(), report.toString());
      // Request 39 is due 390 ms after the start: unpaced, 40 loopback requests take a few ms.
      assertTrue(report.elapsedNanos() >= Duration.ofMillis(380).toNanos(), report.toString());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void pacedRunEndsAtItsDeadlineWithoutSendingLateRequests() throws Exception {
    HttpServer server =
        apiStandIn(
            exchange -> {
              exchange.sendResponseHeaders(200, -1);
              exchange.close();
            });
    try {
      LoadPlan plan = planAgainst(server).withBounds(1_000, Duration.ofMillis(500)).withRate(20);
      LoadReport report = LoadGenerator.run(plan);
      assertTrue(report.requests() <= 10, report.toString());
      assertEquals(LoadReport.StopReason.TIME, report.stoppedBy());
    } finally {
      server.stop(0);
    }
  }
}
