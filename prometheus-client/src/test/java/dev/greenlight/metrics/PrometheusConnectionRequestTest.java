package dev.greenlight.metrics;

import static dev.greenlight.testsupport.TestEnvironments.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.testsupport.ReceivedRequests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a configured connection puts on the wire, seen by a loopback HTTP server that records each
 * request: the extra headers and the credentials, a token file read again on every request, and a
 * 401 that says what to check without quoting the secret.
 */
class PrometheusConnectionRequestTest {
  private static final String VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
          + "[{\"metric\":{},\"value\":[1700000000,\"0.5\"]}]}}";

  @TempDir Path dir;
  private MockWebServer server;
  private OkHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * A source reading the loopback server through a connection with these {@code name, value}
   * settings.
   */
  private MetricSource source(String... envPairs) {
    PrometheusConnection connection =
        PrometheusConnection.fromEnv(server.url("/prom/").toString(), env(envPairs));
    client = connection.newHttpClient(Duration.ofSeconds(5));
    return connection.metricSource(client);
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody(body));
  }

  /** A file in the test's directory holding {@code content}, as a token or password file. */
  private Path secretFile(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Reads one instant query through {@code source}; returns the request the server received. */
  private RecordedRequest requestOfOneRead(MetricSource source) throws InterruptedException {
    answer(200, VECTOR);
    assertEquals(0.5, source.instant("up", Instant.now()));
    return ReceivedRequests.next(server);
  }

  @Test
  void headersAndBearerTokenAreSentWithEveryRequest() throws Exception {
    Path token = secretFile("token", "token-one\n");
    MetricSource source =
        source(
            "PROMETHEUS_HEADERS",
            "X-Scope-OrgID: team-a; X-Team: pay ments",
            "PROMETHEUS_BEARER_TOKEN_FILE",
            token.toString());
    RecordedRequest request = requestOfOneRead(source);
    assertEquals("/prom/api/v1/query", request.getPath());
    assertEquals("team-a", request.getHeader("X-Scope-OrgID"));
    assertEquals("pay ments", request.getHeader("X-Team"));
    assertEquals("Bearer token-one", request.getHeader("Authorization"));
  }

  @Test
  void aRotatedTokenFileIsReadOnTheNextRequest() throws Exception {
    Path token = secretFile("token", "token-one");
    MetricSource source = source("PROMETHEUS_BEARER_TOKEN_FILE", token.toString());
    assertEquals("Bearer token-one", requestOfOneRead(source).getHeader("Authorization"));

    Files.writeString(token, "token-two");
    assertEquals("Bearer token-two", requestOfOneRead(source).getHeader("Authorization"));
  }

  @Test
  void basicAuthIsSentAsUsernameAndPassword() throws Exception {
    Path password = secretFile("password", "pässword\n");
    MetricSource source =
        source("PROMETHEUS_USERNAME", "release", "PROMETHEUS_PASSWORD_FILE", password.toString());
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("release:pässword".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, requestOfOneRead(source).getHeader("Authorization"));
  }

  @Test
  void noCredentialsSendNoAuthorizationHeader() throws Exception {
    assertNull(requestOfOneRead(source()).getHeader("Authorization"));
  }

  @Test
  void refusedCredentialsSayWhatToCheckWithoutTheSecret() {
    MetricSource source = source("PROMETHEUS_BEARER_TOKEN", "wrong-token-Zk3");
    answer(401, "Unauthorized\n");
    MetricReadException e =
        assertThrows(MetricReadException.class, () -> source.instant("up", Instant.now()));
    assertTrue(e.getMessage().contains("failed with HTTP 401"), e.getMessage());
    assertTrue(
        e.getMessage().contains("the credentials were missing or wrong: check"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-token-Zk3"), e.getMessage());
  }

  @Test
  void aTokenFileRemovedAfterStartFailsTheReadNamingTheSetting() throws Exception {
    Path token = secretFile("token", "token-one");
    MetricSource source = source("PROMETHEUS_BEARER_TOKEN_FILE", token.toString());
    Files.delete(token);
    MetricReadException e =
        assertThrows(MetricReadException.class, () -> source.instant("up", Instant.now()));
    assertTrue(
        e.getMessage().contains("PROMETHEUS_BEARER_TOKEN_FILE names " + token + ", which is not"),
        e.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
