package dev.greenlight.referenceapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /companies} and {@code /companies/{id}} to {@link CompanyRequests}, writes the
 * answer and counts it in {@code http_requests_total}.
 *
 * <p>A database that cannot be reached is answered 503 (the client may retry); anything else
 * unexpected 500. Both are logged. Bodies over 64 KiB are refused with 413.
 */
record CompaniesHandler(CompanyRequests requests, HttpMetrics metrics) implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CompaniesHandler.class);
  private static final Pattern ONE_COMPANY = Pattern.compile("^/companies/(\\d{1,18})$");
  private static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String endpoint = Endpoints.OTHER;
    Reply reply;
    try {
      Matcher one = ONE_COMPANY.matcher(path);
      if (path.equals("/companies")) {
        endpoint =
            switch (method) {
              case "POST" -> Endpoints.CREATE;
              case "GET" -> Endpoints.LIST;
              default -> Endpoints.OTHER;
            };
        reply = collection(exchange, method);
      } else if (one.matches()) {
        endpoint = Endpoints.UPDATE;
        reply =
            method.equals("PATCH")
                ? withBody(exchange, body -> requests.update(consumer(exchange), id(one), body))
                : notAllowed(method, path, "PATCH");
      } else {
        reply = Reply.error(404, "no-such-path", "no endpoint at " + path);
      }
    } catch (MalformedQueryException e) {
      reply = Reply.error(400, "malformed-query", e.getMessage());
    } catch (JdbiException e) {
      LOG.warn("{} {} failed: database unavailable: {}", method, path, e.getMessage());
      reply = Reply.error(503, "database-unavailable", "the database did not answer; retry");
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, path, e);
      reply = Reply.error(500, "internal-error", e.getClass().getSimpleName());
    }
    send(exchange, reply);
    metrics.answered(endpoint, method, reply.status());
  }

  private Reply collection(HttpExchange exchange, String method) throws IOException {
    return switch (method) {
      case "POST" -> withBody(exchange, body -> requests.create(consumer(exchange), body));
      case "GET" -> {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        yield requests.list(consumer(exchange), query.get("stage"), query.get("limit"));
      }
      default -> notAllowed(method, "/companies", "GET, POST");
    };
  }

  private interface BodyRequest {
    Reply handle(byte[] body);
  }

  private static Reply withBody(HttpExchange exchange, BodyRequest request) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        return Reply.error(
            413, "body-too-large", "body must be at most " + MAX_BODY_BYTES + " bytes");
      }
      return request.handle(body);
    }
  }

  private static Reply notAllowed(String method, String path, String allowed) {
    return Reply.error(
        405, "method-not-allowed", method + " is not allowed on " + path + "; allowed: " + allowed);
  }

  private static String consumer(HttpExchange exchange) {
    return ConsumerKeys.of(exchange);
  }

  private static long id(Matcher one) {
    return Long.parseLong(one.group(1));
  }

  /** The query parameters, first value of each, percent-decoded. */
  static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new MalformedQueryException(
            "query parameter '" + pair + "' is not percent-encoded correctly: " + e.getMessage());
      }
    }
    return params;
  }

  /** A query string that does not decode. */
  static final class MalformedQueryException extends RuntimeException {
    MalformedQueryException(String message) {
      super(message);
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (reply.stageOutcome() != null) {
      exchange.getResponseHeaders().set("X-Stage-Outcome", reply.stageOutcome());
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
