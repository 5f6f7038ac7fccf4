package dev.greenlight.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.validator.ModeStore;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /ops/alertmanager}: checks the request (method 405, content type 415, declared size
 * 413, token 401 — all from the headers, before a byte of the body is read — then body size 413,
 * signature 401 and JSON 400), acknowledges duplicates, and hands each firing auto-downgrade alert
 * to the {@link AlertResponder}. A refused request changes nothing and signals nothing; a request
 * whose downgrade or signal failed gets 503 (500 for a failure of the webhook itself), and any
 * failure gives up the delivery's claim, so Alertmanager's retry acts instead of being answered
 * {@code duplicate}.
 *
 * <p>No header value is ever logged: the {@code Authorization} header and the signature are
 * credentials.
 */
final class AlertmanagerHandler {
  static final String ACTION_LABEL = "action";
  static final String AUTO_DOWNGRADE = "auto-downgrade";
  private static final int DELIVERY_LOG_CAPACITY = 10_000;
  private static final Logger log = LoggerFactory.getLogger(AlertmanagerHandler.class);

  private final WebhookConfig config;
  private final WebhookAuth auth;
  private final DeliveryLog deliveries;
  private final AlertResponder responder;
  private final WebhookMetrics metrics;
  private final ObjectMapper mapper;

  /**
   * Checks credentials and acknowledges duplicates as {@code config} says; downgrades in {@code
   * modes} and signals through {@code workflows}. The clients are the caller's.
   */
  AlertmanagerHandler(
      WebhookConfig config,
      ModeStore modes,
      WorkflowClient workflows,
      WebhookMetrics metrics,
      ObjectMapper mapper) {
    this.config = config;
    this.auth = new WebhookAuth(config.bearerTokens(), config.hmacSecrets());
    this.deliveries =
        new DeliveryLog(Clock.systemUTC(), config.duplicateWindow(), DELIVERY_LOG_CAPACITY);
    this.responder = new AlertResponder(modes, workflows, config, metrics);
    this.metrics = metrics;
    this.mapper = mapper;
  }

  /** Answers {@code exchange}, now when its headers decide, else once its body is in. */
  void handle(WebhookExchange exchange) {
    long start = System.nanoTime();
    String refused;
    try {
      refused = checkHeaders(exchange);
    } catch (IOException | RuntimeException e) {
      metrics.request(failed(exchange, e), System.nanoTime() - start);
      return;
    }
    if (refused != null) {
      metrics.request(refused, System.nanoTime() - start);
      return;
    }
    boolean byToken = auth.tokenAuthentic(exchange.header("Authorization"));
    String signature = exchange.header("X-Alertmanager-Signature");
    exchange
        .readBody(config.maxBodyBytes())
        .whenComplete(
            (body, failure) -> {
              String outcome;
              try {
                outcome =
                    failure != null
                        ? bodyFailed(exchange, failure)
                        : handleBody(exchange, byToken, signature, body);
              } catch (IOException | RuntimeException e) {
                outcome = failed(exchange, e);
              }
              metrics.request(outcome, System.nanoTime() - start);
            });
  }

  /**
   * Everything the headers decide, before a byte of the body is read: the outcome when the request
   * was refused, null when its body is to be read.
   */
  private String checkHeaders(WebhookExchange exchange) throws IOException {
    if (!"POST".equals(exchange.method())) {
      exchange.setHeader("Allow", "POST");
      exchange.refuse(405, WebhookExchange.error("method-not-allowed"));
      return "method_not_allowed";
    }
    String contentType = exchange.header("Content-Type");
    if (!isJson(contentType)) {
      exchange.refuse(
          415,
          WebhookExchange.error(
              "unsupported-media-type",
              "Content-Type must be application/json but was " + contentType));
      return "unsupported_media_type";
    }
    if (exchange.declaredLength() > config.maxBodyBytes()) {
      return tooLarge(exchange);
    }
    boolean byToken = auth.tokenAuthentic(exchange.header("Authorization"));
    if (!byToken && !auth.mayProveBySignature(exchange.header("X-Alertmanager-Signature"))) {
      return unauthorized(exchange);
    }
    return null;
  }

  private String handleBody(
      WebhookExchange exchange, boolean byToken, String signature, byte[] body) throws IOException {
    if (!byToken && !auth.signatureAuthentic(signature, body)) {
      return unauthorized(exchange);
    }
    AlertmanagerPayload payload;
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || !tree.isObject() || !tree.path("alerts").isArray()) {
        exchange.reply(
            400,
            WebhookExchange.error("malformed-json", "body must be an object with an alerts list"));
        return "bad_request";
      }
      payload = mapper.treeToValue(tree, AlertmanagerPayload.class);
    } catch (JsonProcessingException e) {
      exchange.reply(400, WebhookExchange.error("malformed-json", e.getOriginalMessage()));
      return "bad_request";
    }
    return act(exchange, payload);
  }

  private String bodyFailed(WebhookExchange exchange, Throwable failure) throws IOException {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    // Jetty's reader stops at its size bound with an IllegalStateException; ours one byte later.
    if (cause instanceof WebhookExchange.BodyTooLargeException
        || cause instanceof IllegalStateException) {
      return tooLarge(exchange);
    }
    // The client went away or missed the read deadline: nobody is left to answer.
    exchange.abort(cause);
    return "read_failed";
  }

  private String failed(WebhookExchange exchange, Throwable e) {
    log.error("event=webhook-error error={}", e.toString(), e);
    try {
      exchange.reply(500, WebhookExchange.error("internal-error"));
    } catch (IOException | RuntimeException replyFailure) {
      exchange.abort(e);
    }
    return "error";
  }

  private String tooLarge(WebhookExchange exchange) throws IOException {
    exchange.refuse(
        413,
        WebhookExchange.error(
            "payload-too-large", "body must be at most " + config.maxBodyBytes() + " bytes"));
    return "too_large";
  }

  private String unauthorized(WebhookExchange exchange) throws IOException {
    log.warn("event=webhook-unauthorized remote={}", exchange.remoteAddress());
    exchange.setHeader("WWW-Authenticate", "Bearer");
    exchange.refuse(401, WebhookExchange.error("invalid-signature"));
    return "unauthorized";
  }

  private String act(WebhookExchange exchange, AlertmanagerPayload payload) throws IOException {
    String key = deliveryKey(payload);
    if (!deliveries.claim(key)) {
      log.info(
          "event=webhook-duplicate groupKey={} status={}", payload.groupKey(), payload.status());
      exchange.reply(200, Map.of("status", "duplicate"));
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
      exchange.reply(200, Map.of("status", "ok", "downgrades", done));
      return done.isEmpty() ? "no_action" : "downgraded";
    } catch (AlertResponder.UnavailableException e) {
      deliveries.release(key);
      settled = true;
      log.warn(
          "event=webhook-unavailable groupKey={} error={}", payload.groupKey(), e.getMessage());
      exchange.reply(503, WebhookExchange.error("unavailable", e.getMessage()));
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
