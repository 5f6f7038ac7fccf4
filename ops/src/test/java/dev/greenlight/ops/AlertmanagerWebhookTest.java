package dev.greenlight.ops;

import static dev.greenlight.ops.WebhookClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The webhook against real Redis and a parked real rollout: every way in, and what each does. */
class AlertmanagerWebhookTest {
  private static final String FIRING =
      payload(
          "{}/{action=\\\"auto-downgrade\\\"}:{alertname=\\\"X\\\"}",
          "firing",
          "StageEnforceErrorSpike",
          "fp-1");

  private WebhookRig rig;
  private WebhookClient client;

  @BeforeEach
  void start() throws Exception {
    rig = new WebhookRig();
    client = rig.client;
    rig.setMode(ValidationMode.ENFORCE, 50);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  /** Nothing written (still enforce at version 1) and nothing signalled. */
  private void assertNothingHappened() {
    ModeRecord mode = rig.mode();
    assertEquals(ValidationMode.ENFORCE, mode.mode());
    assertEquals(1, mode.version());
    assertEquals(List.of(), rig.rollout.alerts());
  }

  private static void assertJsonError(HttpResponse<String> response, int status, String error) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(response.body().contains("\"error\":\"" + error + "\""), response.body());
  }

  /**
   * Posts the firing alert and checks the webhook answered that it wrote warn at 0 % itself, as
   * {@code ops-webhook}; returns the record Redis then holds.
   */
  private ModeRecord fireAndExpectWarnWritten() throws Exception {
    HttpResponse<String> response = client.withToken(FIRING);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"modeWritten\":true"), response.body());
    ModeRecord mode = rig.mode();
    assertEquals(ValidationMode.WARN, mode.mode());
    assertEquals(0, mode.enforcePercent());
    assertEquals("ops-webhook", mode.changedBy());
    return mode;
  }

  @Test
  void firingAutoDowngradeWritesWarnThenSignalsTheRollout() throws Exception {
    ModeRecord mode = fireAndExpectWarnWritten();
    assertEquals(2, mode.version());
    assertTrue(mode.reason().contains("StageEnforceErrorSpike"), mode.reason());
    assertEquals("ops-webhook", rig.modes.history(rig.config.surface(), 1).get(0).changedBy());
    List<String> alerts = rig.rollout.alerts();
    assertEquals(1, alerts.size(), alerts.toString());
    assertTrue(alerts.get(0).endsWith("StageEnforceErrorSpike fp-1"), alerts.get(0));
  }

  /**
   * Ways a stored record at enforce 50 (version 1) becomes unreadable, and the version the
   * downgrade must then write: the record's own version + 1 when it can still be read, else the
   * newest audited version + 1.
   */
  static Stream<Arguments> unreadableRecords() {
    return Stream.of(
        corruption("changedAt unparsable", 2, (r, key) -> r.hset(key, "changedAt", "yesterday")),
        corruption(
            "changedAt unparsable, version 7",
            8,
            (r, key) -> {
              r.hset(key, "changedAt", "2026-02-30T00:00:00Z");
              r.hset(key, "version", "7");
            }),
        corruption("percent not an integer", 2, (r, key) -> r.hset(key, "percent", "50.0")),
        corruption("version not an integer", 2, (r, key) -> r.hset(key, "version", "1.5")),
        corruption("mode garbage JSON", 2, (r, key) -> r.hset(key, "mode", "{\"enforce\"")),
        corruption("field missing", 2, (r, key) -> r.hdel(key, "reason")),
        corruption(
            "key holds garbage JSON, not a hash",
            2,
            (r, key) -> {
              r.del(key);
              r.set(key, "{\"mode\":\"enforce\",\"percent\":50,");
            }));
  }

  private static Arguments corruption(
      String name, long expectedVersion, BiConsumer<RedisCommands<String, String>, String> how) {
    return Arguments.of(name, expectedVersion, how);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableRecords")
  void unreadableRecordAtEnforce50IsOverwrittenWithWarnVersionedAuditedAndSignalled(
      String name, long expectedVersion, BiConsumer<RedisCommands<String, String>, String> how)
      throws Exception {
    how.accept(rig.raw(), rig.modeKey());
    ModeRecord mode = fireAndExpectWarnWritten();
    assertEquals(expectedVersion, mode.version());
    ModeRecord audited = rig.modes.history(rig.config.surface(), 1).get(0);
    assertEquals(mode, audited, "the audit stream's newest entry is the write");
    List<AlertSignal> signals = rig.rollout.signals(1);
    assertEquals(1, signals.size(), signals.toString());
    assertTrue(signals.get(0).modeAlreadyWritten(), signals.toString());
  }

  @Test
  void warnIsNotWrittenOverOffButTheRolloutIsStillTold() throws Exception {
    rig.setMode(ValidationMode.OFF, 0);
    HttpResponse<String> response = client.withToken(FIRING);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"modeWritten\":false"), response.body());
    assertEquals(ValidationMode.OFF, rig.mode().mode());
    assertEquals(2, rig.mode().version());
    assertEquals(1, rig.rollout.alerts().size());
  }

  @Test
  void duplicateDeliveryIsAcknowledgedAndActsOnce() throws Exception {
    assertEquals(200, client.withToken(FIRING).statusCode());
    rig.setMode(ValidationMode.ENFORCE, 10); // were it to act again, it would write again
    HttpResponse<String> again = client.withToken(FIRING);
    assertEquals(200, again.statusCode());
    assertEquals("{\"status\":\"duplicate\"}", again.body());
    assertEquals(ValidationMode.ENFORCE, rig.mode().mode());
    assertEquals(1, rig.rollout.alerts().size());
  }

  @Test
  void sameAlertStartingAgainIsNotADuplicate() throws Exception {
    assertEquals(200, client.withToken(FIRING).statusCode());
    rig.setMode(ValidationMode.ENFORCE, 10);
    String restarted = FIRING.replace("2026-01-20T10:00:00Z", "2026-01-20T11:00:00Z");
    assertEquals(200, client.withToken(restarted).statusCode());
    assertEquals(ValidationMode.WARN, rig.mode().mode());
    assertEquals(2, rig.rollout.alerts().size());
  }

  @Test
  void resolvedAlertIsRecordedWithoutAction() throws Exception {
    HttpResponse<String> response =
        client.withToken(payload("g", "resolved", "StageEnforceErrorSpike", "fp-1"));
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"downgrades\":[]"), response.body());
    assertNothingHappened();
  }

  @Test
  void firingAlertWithoutTheActionLabelIsIgnored() throws Exception {
    String other = FIRING.replace("\"action\":\"auto-downgrade\",", "");
    assertEquals(200, client.withToken(other).statusCode());
    assertNothingHappened();
  }

  @Test
  void secondActiveTokenIsAccepted() throws Exception {
    HttpResponse<String> response =
        client.post(
            FIRING,
            "Content-Type",
            "application/json; charset=utf-8",
            "Authorization",
            "bearer " + WebhookClient.TOKEN_B);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(ValidationMode.WARN, rig.mode().mode());
  }

  @Test
  void signatureUnderEitherSecretIsAccepted() throws Exception {
    byte[] body = FIRING.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> old =
        client.post(
            body,
            "Content-Type",
            "application/json",
            "X-Alertmanager-Signature",
            WebhookAuth.sign(WebhookClient.SECRET_OLD, body));
    assertEquals(200, old.statusCode(), old.body());
    assertEquals(ValidationMode.WARN, rig.mode().mode());

    rig.setMode(ValidationMode.ENFORCE, 10);
    byte[] other = FIRING.replace("fp-1", "fp-2").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> fresh =
        client.post(
            other,
            "Content-Type",
            "application/json",
            "X-Alertmanager-Signature",
            WebhookAuth.sign(WebhookClient.SECRET_NEW, other).toUpperCase());
    assertEquals(200, fresh.statusCode(), fresh.body());
    assertEquals(ValidationMode.WARN, rig.mode().mode());
  }

  @Test
  void noCredentialsIsRefused() throws Exception {
    assertJsonError(
        client.post(FIRING, "Content-Type", "application/json"), 401, "invalid-signature");
    assertNothingHappened();
  }

  @Test
  void unknownTokenIsRefused() throws Exception {
    assertJsonError(
        client.post(FIRING, "Content-Type", "application/json", "Authorization", "Bearer token-a"),
        401,
        "invalid-signature");
    assertJsonError(
        client.post(
            FIRING, "Content-Type", "application/json", "Authorization", WebhookClient.TOKEN_A),
        401,
        "invalid-signature");
    assertNothingHappened();
  }

  @Test
  void signatureOfAnotherBodyOrSecretIsRefused() throws Exception {
    byte[] body = FIRING.getBytes(StandardCharsets.UTF_8);
    byte[] tampered = FIRING.replace("fp-1", "fp-9").getBytes(StandardCharsets.UTF_8);
    String signature = WebhookAuth.sign(WebhookClient.SECRET_NEW, body);
    assertJsonError(
        client.post(
            tampered, "Content-Type", "application/json", "X-Alertmanager-Signature", signature),
        401,
        "invalid-signature");
    String foreign = WebhookAuth.sign("guess".getBytes(StandardCharsets.UTF_8), body);
    assertJsonError(
        client.post(body, "Content-Type", "application/json", "X-Alertmanager-Signature", foreign),
        401,
        "invalid-signature");
    assertJsonError(
        client.post(
            body, "Content-Type", "application/json", "X-Alertmanager-Signature", "sha256=zz"),
        401,
        "invalid-signature");
    assertNothingHappened();
  }

  @Test
  void bodyOverOneMegabyteIsRefused() throws Exception {
    String padded =
        FIRING.replace(
            "\"someFutureField\"",
            "\"pad\":\"" + "x".repeat(1024 * 1024) + "\",\"someFutureField\"");
    assertJsonError(client.withToken(padded), 413, "payload-too-large");
    assertNothingHappened();
  }

  @Test
  void bodyOfExactlyOneMegabyteIsRead() throws Exception {
    String prefix = FIRING.replace("\"someFutureField\"", "\"pad\":\"\",\"someFutureField\"");
    int room = WebhookConfig.ONE_MEGABYTE - prefix.getBytes(StandardCharsets.UTF_8).length;
    String exact = prefix.replace("\"pad\":\"\"", "\"pad\":\"" + "x".repeat(room) + "\"");
    assertEquals(WebhookConfig.ONE_MEGABYTE, exact.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(200, client.withToken(exact).statusCode());
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    assertJsonError(client.withToken(FIRING.substring(0, 100)), 400, "malformed-json");
    assertJsonError(client.withToken("[1,2]"), 400, "malformed-json");
    assertJsonError(client.withToken("{\"status\":\"firing\"}"), 400, "malformed-json");
    assertJsonError(client.withToken(""), 400, "malformed-json");
    assertNothingHappened();
  }

  @Test
  void wrongContentTypeIsRefused() throws Exception {
    String auth = "Bearer " + WebhookClient.TOKEN_A;
    assertJsonError(
        client.post(FIRING, "Content-Type", "text/plain", "Authorization", auth),
        415,
        "unsupported-media-type");
    assertJsonError(client.post(FIRING, "Authorization", auth), 415, "unsupported-media-type");
    assertNothingHappened();
  }

  @Test
  void getIsNotAllowed() throws Exception {
    assertJsonError(client.get("/ops/alertmanager"), 405, "method-not-allowed");
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    client.withToken(FIRING);
    client.withToken(FIRING);
    assertEquals("{\"status\":\"ok\"}", client.get("/healthz").body());
    String metrics = client.get("/metrics").body();
    assertTrue(
        metrics.contains("greenlight_ops_webhook_requests_total{outcome=\"duplicate\"} 1.0"),
        metrics);
    assertTrue(
        metrics.contains("greenlight_ops_webhook_downgrades_total{result=\"written\"} 1.0"),
        metrics);
    assertTrue(metrics.contains("greenlight_ops_webhook_request_duration_seconds_bucket"), metrics);
  }
}
