package dev.greenlight.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /ops/alertmanager}: checks the request (method 405, content type 415, size 413,
 * credentials 401, JSON 400), acknowledges duplicates, and hands each firing auto-downgrade alert
 * to the {@link AlertResponder}. A refused request changes nothing and signals nothing; a request
 * whose downgrade or signal failed gets 503 (500 for a failure of the webhook itself), and any
 * failure gives up the delivery's claim, so Alertmanager's retry acts instead of being answered
 * {@code duplicate}.
 */
final class AlertmanagerHandler implements HttpHandler {
  static final String ACTION_LABEL = "action";
  static final String AUTO_DOWNGRADE = "auto-downgrade";
  private static final Logger log = LoggerFactory.getLogger(AlertmanagerHandler.class);

  private final WebhookConfig config;
  private final WebhookAuth auth;
  private final DeliveryLog deliveries;
  private final AlertResponder responder;
  private final WebhookMetrics metrics;
  private final ObjectMapper mapper;
  private final JsonReplies replies;

  AlertmanagerHandler(
      WebhookConfig config,
      WebhookAuth auth,
      DeliveryLog deliveries,
      AlertResponder responder,
      WebhookMetrics metrics,
      ObjectMapper mapper) {
    this.config = config;
    this.auth = auth;
    this.deliveries = deliveries;
    this.responder = responder;
    this.metrics = metrics;
    this.mapper = mapper;
    this.replies = new JsonReplies(mapper);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      outcome = handleChecked(exchange);
    } catch (RuntimeException e) {
      log.error("event=webhook-error error={}", e.toString(), e);
      replies.send(exchange, 500, JsonReplies.error("internal-error"));
    } finally {
      metrics.request(outcome, System.nanoTime() - start);
    }
  }

  private String handleChecked(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      replies.send(exchange, 405, JsonReplies.error("method-not-allowed"));
      return "method_not_allowed";
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!isJson(contentType)) {
      replies.send(
          exchange,
          415,
          JsonReplies.error(
              "unsupported-media-type",
              "Content-Type must be application/json but was " + contentType));
      return "unsupported_media_type";
    }
    byte[] body = exchange.getRequestBody().readNBytes(config.maxBodyBytes() + 1);
    if (body.length > config.maxBodyBytes()) {
      replies.send(
          exchange,
          413,
          JsonReplies.error(
              "payload-too-large", "body must be at most " + config.maxBodyBytes() + " bytes"));
      return "too_large";
    }
    if (!auth.isAuthentic(
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("X-Alertmanager-Signature"),
        body)) {
      log.warn("event=webhook-unauthorized remote={}", exchange.getRemoteAddress().getAddress());
      replies.send(exchange, 401, JsonReplies.error("invalid-signature"));
      return "unauthorized";
    }
    AlertmanagerPayload payload;
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || !tree.isObject() || !tree.path("alerts").isArray()) {
        replies.send(
            exchange,
            400,
            JsonReplies.error("malformed-json", "body must be an object with an alerts list"));
        return "bad_request";
      }
      payload = mapper.treeToValue(tree, AlertmanagerPayload.class);
    } catch (JsonProcessingException e) {
      replies.send(exchange, 400, JsonReplies.error("malformed-json", e.getOriginalMessage()));
      return "bad_request";
    }
    return act(exchange, payload);
  }

  private String act(HttpExchange exchange, AlertmanagerPayload payload) throws IOException {
    String key = deliveryKey(payload);
    if (!deliveries.claim(key)) {
      log.info(
          "event=webhook-duplicate groupKey={} status={}", payload.groupKey(), payload.status());
      replies.send(exchange, 200, Map.of("status", "duplicate"));
      return "duplicate";
    }
    // Any failure gives the claim up, before the reply goes out: a delivery that did not act must
    // not be acknowledged as a duplicate when Alertmanager retries it.
    boolean settled = false;
    try {
      List<Map<String, Object>> done = new ArrayList<>();
      for (AlertmanagerPayload.Alert alert : payload.alerts()) {
        if (!alert.isFiring()) {
          log.info(
              "event=alert-resolved alertname={} fingerprint={}",
              alert.label("alertname"),
              alert.fingerprint());
        } else if (AUTO_DOWNGRADE.equals(alert.label(ACTION_LABEL))) {
          AlertResponder.Outcome outcome = responder.respond(alert);
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("alertname", outcome.alertName());
          line.put("workflowId", outcome.workflowId());
          line.put("modeWritten", outcome.modeWritten());
          line.put("signalled", outcome.signalled());
          done.add(line);
        } else {
          log.info(
              "event=alert-ignored alertname={} reason=no-auto-downgrade-label",
              alert.label("alertname"));
        }
      }
      settled = true;
      replies.send(exchange, 200, Map.of("status", "ok", "downgrades", done));
      return done.isEmpty() ? "no_action" : "downgraded";
    } catch (AlertResponder.UnavailableException e) {
      deliveries.release(key);
      settled = true;
      log.warn(
          "event=webhook-unavailable groupKey={} error={}", payload.groupKey(), e.getMessage());
      replies.send(exchange, 503, JsonReplies.error("unavailable", e.getMessage()));
      return "unavailable";
    } finally {
      if (!settled) {
        deliveries.release(key);
      }
    }
  }

  /** Same group, status and alerts (fingerprint and start) is the same delivery. */
  static String deliveryKey(AlertmanagerPayload payload) {
    List<String> alerts = new ArrayList<>();
    for (AlertmanagerPayload.Alert alert : payload.alerts()) {
      alerts.add(alert.fingerprint() + "@" + alert.startsAt() + "/" + alert.status());
    }
    alerts.sort(null);
    return payload.groupKey() + "\n" + payload.status() + "\n" + String.join(",", alerts);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json");
  }
}
