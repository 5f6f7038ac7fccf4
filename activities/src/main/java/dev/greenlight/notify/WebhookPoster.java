package dev.greenlight.notify;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs one JSON body to one webhook with the Standard Webhooks headers: {@code webhook-id} and
 * {@code webhook-timestamp} always (a receiver can drop a repeat by its id), {@code
 * webhook-signature} when signed. The timestamp is this attempt's, as the standard wants, so a
 * retry minutes later is not rejected as a replay. Redirects are not followed: a webhook that moved
 * is a configuration to fix, and following would re-send a signed body elsewhere.
 *
 * <p>Thread-safe; the caller owns the {@link OkHttpClient}.
 */
public final class WebhookPoster {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final Clock clock;

  public WebhookPoster(OkHttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * A client fit for webhooks: short timeouts (well inside the activity's), no redirects, and no
   * silent retries of its own (OkHttp re-sends on a 408 or a dropped connection): the activity's
   * retries are the only ones, so each shows in the history.
   */
  public static OkHttpClient client() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(20))
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }

  /**
   * @param target names the receiver in messages without revealing a secret URL
   * @throws DeliveryRefusedException on a 3xx or a 4xx other than 408 and 429
   * @throws DeliveryFailedException when the receiver cannot be reached, times out, or answers 408,
   *     429 or 5xx
   */
  public void post(
      URI url, String target, String id, String body, Optional<WebhookSignature> signature) {
    long timestamp = clock.instant().getEpochSecond();
    Request.Builder request =
        new Request.Builder()
            .url(url.toString())
            .header("User-Agent", "greenlight-notify")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .post(RequestBody.create(body, JSON));
    signature.ifPresent(s -> request.header("webhook-signature", s.sign(id, timestamp, body)));
    try (Response response = http.newCall(request.build()).execute()) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        return;
      }
      String answer = target + " answered HTTP " + code;
      if (code == 408 || code == 429 || code >= 500) {
        throw new DeliveryFailedException(answer, null);
      }
      throw new DeliveryRefusedException(
          answer + (code < 400 ? " (redirects are not followed)" : ""));
    } catch (IOException e) {
      throw new DeliveryFailedException(
          target + " could not be reached: " + e.getClass().getSimpleName() + " " + e.getMessage(),
          e);
    }
  }
}
