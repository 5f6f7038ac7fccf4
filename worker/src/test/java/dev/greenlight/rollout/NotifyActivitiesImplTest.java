package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.notify.NotificationPayloads;
import dev.greenlight.notify.SinkSettings;
import dev.greenlight.notify.WebhookPoster;
import dev.greenlight.rollout.activity.Notification;
import dev.greenlight.rollout.activity.NotificationDelivery;
import dev.greenlight.rollout.activity.NotifyActivities;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.testsupport.ReceivedRequests;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries to a real HTTP receiver on loopback. */
class NotifyActivitiesImplTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Notification ROLLED_BACK =
      new Notification(
          "run-1.4.rolled-back",
          NotifyEvent.ROLLED_BACK,
          4,
          1_796_000_000_000L,
          "rollout-stage-normalization-v3.4",
          "run-1",
          "stage-normalization-v3.4",
          "stage-validation",
          Phase.ROLLED_BACK,
          ValidationMode.WARN,
          0,
          "rolled back (error-rate 0.01 >= 0.001 for 5m <breach>); WARN extended until 2026-12-08");

  private final MockWebServer receiver = new MockWebServer();
  private final Map<String, String> environment = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private NotifyActivitiesImpl activities;

  @BeforeEach
  void start() throws Exception {
    receiver.start();
    activities = notifier(null);
  }

  @AfterEach
  void stop() throws Exception {
    receiver.shutdown();
  }

  private NotifyActivitiesImpl notifier(String label) {
    return new NotifyActivitiesImpl(
        new SinkSettings(environment::get),
        new NotificationPayloads(label),
        new WebhookPoster(WebhookPoster.client(), Clock.systemUTC()));
  }

  private NotifySink sink(
      NotifySink.Kind kind, String secretEnv, String secretFile, Boolean blocks) {
    return new NotifySink(
        "ops",
        kind,
        receiver.url("/hook").toString(),
        null,
        null,
        secretEnv,
        secretFile,
        null,
        blocks);
  }

  @Test
  void slackSinkGetsTextWithTheEventAndWhyAndTheStableId() throws Exception {
    receiver.enqueue(new MockResponse().setResponseCode(200));
    activities.deliver(
        new NotificationDelivery(sink(NotifySink.Kind.SLACK, null, null, null), ROLLED_BACK));

    RecordedRequest request = ReceivedRequests.next(receiver);
    assertEquals("POST", request.getMethod());
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
    assertEquals("run-1.4.rolled-back", request.getHeader("webhook-id"));
    long sentAt = Long.parseLong(request.getHeader("webhook-timestamp"));
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - sentAt) < 60, "timestamp " + sentAt);
    assertNull(request.getHeader("webhook-signature"), "unsigned without a secret");
    JsonNode body = json.readTree(request.getBody().readUtf8());
    String text = body.get("text").asText();
    assertTrue(text.startsWith("*stage-normalization-v3.4*: rolled back\n"), text);
    assertTrue(text.contains("error-rate 0.01 &gt;= 0.001 for 5m &lt;breach&gt;"), text);
    assertTrue(text.contains("ROLLED_BACK · warn 0%"), text);
    assertTrue(text.contains("id run-1.4.rolled-back"), text);
    assertFalse(body.has("blocks"));
  }

  @Test
  void slackSinkWithBlocksAndAPreviewLabel() throws Exception {
    receiver.enqueue(new MockResponse().setResponseCode(200));
    notifier("rehearsal")
        .deliver(
            new NotificationDelivery(sink(NotifySink.Kind.SLACK, null, null, true), ROLLED_BACK));

    JsonNode body = json.readTree(ReceivedRequests.next(receiver).getBody().readUtf8());
    assertTrue(body.get("text").asText().startsWith("[rehearsal] *stage-normalization-v3.4*"));
    assertEquals("section", body.at("/blocks/0/type").asText());
    assertEquals("mrkdwn", body.at("/blocks/0/text/type").asText());
    assertTrue(body.at("/blocks/0/text/text").asText().contains("rolled back ("));
    assertEquals("context", body.at("/blocks/1/type").asText());
    assertTrue(body.at("/blocks/1/elements/0/text").asText().contains("id run-1.4.rolled-back"));
  }

  @Test
  void jsonSinkGetsTheDocumentedPayloadSignedTheStandardWebhooksWay() throws Exception {
    environment.put("HOOK_SECRET", SECRET);
    receiver.enqueue(new MockResponse().setResponseCode(204));
    activities.deliver(
        new NotificationDelivery(
            sink(NotifySink.Kind.JSON, "HOOK_SECRET", null, null), ROLLED_BACK));

    RecordedRequest request = ReceivedRequests.next(receiver);
    String body = request.getBody().readUtf8();
    assertSignedWith(SECRET, request, body);
    JsonNode payload = json.readTree(body);
    assertEquals("rollout.rolled-back", payload.get("type").asText());
    assertEquals("2026-11-30T00:53:20Z", payload.get("timestamp").asText());
    JsonNode data = payload.get("data");
    assertEquals("run-1.4.rolled-back", data.get("id").asText());
    assertEquals("rolled-back", data.get("event").asText());
    assertEquals(4, data.get("sequence").asLong());
    assertEquals("rollout-stage-normalization-v3.4", data.get("rollout").asText());
    assertEquals("run-1", data.get("attempt").asText());
    assertEquals("stage-normalization-v3.4", data.get("plan").asText());
    assertEquals("stage-validation", data.get("surface").asText());
    assertEquals("ROLLED_BACK", data.get("phase").asText());
    assertEquals("warn", data.get("mode").asText());
    assertEquals(0, data.get("percent").asInt());
    assertEquals(ROLLED_BACK.summary(), data.get("summary").asText());
  }

  @Test
  void aSecretFileIsReadAtEveryDeliverySoARotationNeedsNoRestart(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("hook.secret");
    Files.writeString(file, SECRET + "\n");
    NotifySink sink = sink(NotifySink.Kind.JSON, null, file.toString(), null);
    receiver.enqueue(new MockResponse().setResponseCode(200));
    receiver.enqueue(new MockResponse().setResponseCode(200));

    activities.deliver(new NotificationDelivery(sink, ROLLED_BACK));
    RecordedRequest first = ReceivedRequests.next(receiver);
    assertSignedWith(SECRET, first, first.getBody().readUtf8());

    String rotated = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    Files.writeString(file, rotated);
    activities.deliver(new NotificationDelivery(sink, ROLLED_BACK));
    RecordedRequest second = ReceivedRequests.next(receiver);
    assertSignedWith(rotated, second, second.getBody().readUtf8());
  }

  /** Delivering ROLLED_BACK to {@code sink} fails with a failure Temporal must not retry. */
  private ApplicationFailure finalFailure(NotifySink sink) {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> activities.deliver(new NotificationDelivery(sink, ROLLED_BACK)));
    assertTrue(failure.isNonRetryable(), failure.getOriginalMessage());
    return failure;
  }

  @Test
  void whatARetryCannotFixIsNotRetriedAndNeverShowsASecret() {
    environment.put("HOOK_URL", receiver.url("/T0/B0/s3cr3t-path").toString());
    NotifySink fromEnv =
        new NotifySink(
            "chat", NotifySink.Kind.SLACK, null, "HOOK_URL", null, "MISSING", null, null, null);
    ApplicationFailure missing = finalFailure(fromEnv);
    assertEquals(NotifyActivities.FAILURE_MISCONFIGURED, missing.getType());
    assertEquals(
        "sink chat: environment variable MISSING is not set on this worker",
        missing.getOriginalMessage());

    environment.put("MISSING", SECRET);
    receiver.enqueue(new MockResponse().setResponseCode(404));
    ApplicationFailure refused = finalFailure(fromEnv);
    assertEquals(NotifyActivities.FAILURE_REFUSED, refused.getType());
    assertEquals(
        "sink chat (the URL in $HOOK_URL) answered HTTP 404", refused.getOriginalMessage());
    assertFalse(refused.getOriginalMessage().contains("s3cr3t"));

    receiver.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/elsewhere"));
    ApplicationFailure moved = finalFailure(fromEnv);
    assertTrue(moved.getOriginalMessage().endsWith("HTTP 301 (redirects are not followed)"));
  }

  @Test
  void anUnavailableReceiverIsRetried() throws Exception {
    NotifySink sink = sink(NotifySink.Kind.JSON, null, null, null);
    for (int code : List.of(500, 503, 429, 408)) {
      receiver.enqueue(new MockResponse().setResponseCode(code));
      ApplicationFailure failure =
          assertThrows(
              ApplicationFailure.class,
              () -> activities.deliver(new NotificationDelivery(sink, ROLLED_BACK)));
      assertFalse(failure.isNonRetryable(), "HTTP " + code);
      assertEquals(NotifyActivities.FAILURE_UNAVAILABLE, failure.getType());
      assertTrue(failure.getOriginalMessage().endsWith("answered HTTP " + code));
    }
    receiver.shutdown();
    ApplicationFailure down =
        assertThrows(
            ApplicationFailure.class,
            () -> activities.deliver(new NotificationDelivery(sink, ROLLED_BACK)));
    assertFalse(down.isNonRetryable());
    assertTrue(
        down.getOriginalMessage().contains("could not be reached"), down.getOriginalMessage());
  }

  /** Verifies as a receiver would, with its own HMAC: {@code v1,} base64 of id.timestamp.body. */
  private static void assertSignedWith(String secret, RecordedRequest request, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String signed =
        request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "." + body;
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, request.getHeader("webhook-signature"));
  }
}
