package dev.greenlight.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends requests to a webhook on loopback the way Alertmanager or a signing sender would. */
final class WebhookClient {
  static final String TOKEN_A = "token-a-0123456789";
  static final String TOKEN_B = "token-b-9876543210";
  static final byte[] SECRET_OLD = "secret-old".getBytes(StandardCharsets.UTF_8);
  static final byte[] SECRET_NEW = "secret-new".getBytes(StandardCharsets.UTF_8);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;

  WebhookClient(int port) {
    this.port = port;
  }

  HttpResponse<String> post(String body, String... headers) throws IOException {
    return post(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> post(byte[] body, String... headers) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/alertmanager"))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** Posts a JSON body with one credential header, as Alertmanager does. */
  HttpResponse<String> postJson(byte[] body, String credentialHeader, String credential)
      throws IOException {
    return post(body, "Content-Type", "application/json", credentialHeader, credential);
  }

  HttpResponse<String> withToken(String body) throws IOException {
    return postJson(body.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + TOKEN_A);
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** An Alertmanager v4 body with one alert and a field a newer Alertmanager might add. */
  static String payload(String groupKey, String status, String alertName, String fingerprint) {
    return """
        {"receiver":"greenlight-ops-webhook","status":"%2$s","version":"4","groupKey":"%1$s",
         "truncatedAlerts":0,"someFutureField":{"nested":[1,2]},
         "groupLabels":{"alertname":"%3$s"},"commonLabels":{},"commonAnnotations":{},
         "externalURL":"http://alertmanager:9093",
         "alerts":[{"status":"%2$s",
           "labels":{"alertname":"%3$s","action":"auto-downgrade","severity":"critical"},
           "annotations":{"summary":"API 5xx rate over 0.1%% while stage validation enforces"},
           "startsAt":"2026-01-20T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",
           "generatorURL":"http://prometheus/graph","fingerprint":"%4$s"}]}
        """
        .formatted(groupKey, status, alertName, fingerprint);
  }
}
