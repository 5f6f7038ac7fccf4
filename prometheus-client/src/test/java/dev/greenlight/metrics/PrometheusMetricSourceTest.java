package dev.greenlight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.gates.Sample;
import dev.greenlight.testsupport.ReceivedRequests;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusMetricSourceTest {
  private static final String QUERY = "sum(rate(stage_warn_unknown_total[5m]))";
  private static final Instant FROM = Instant.parse("2026-01-20T10:00:00Z");
  private static final Instant TO = FROM.plusSeconds(120);

  private MockWebServer server;
  private OkHttpClient client;
  private PrometheusMetricSource source;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    source = new PrometheusMetricSource(client, server.url("/prom/").toString());
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private void reply(int code, String body) {
    server.enqueue(
        new MockResponse()
            .setResponseCode(code)
            .setHeader("Content-Type", "application/json")
            .setBody(body));
  }

  private static String success(String resultType, String result) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\""
        + resultType
        + "\",\"result\":"
        + result
        + "}}";
  }

  private static String error(String type, String message) {
    return "{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"" + message + "\"}";
  }

  private List<Sample> range() {
    return source.range(QUERY, FROM, TO, Duration.ofMinutes(1));
  }

  private MetricReadException rangeFails() {
    return assertThrows(MetricReadException.class, this::range);
  }

  @Test
  void rangeSendsQueryWindowAndStepToQueryRange() throws Exception {
    reply(200, success("matrix", "[]"));
    source.range(QUERY, FROM, FROM.plusMillis(90_500), Duration.ofSeconds(30));
    RecordedRequest request = ReceivedRequests.next(server);
    assertEquals("POST", request.getMethod());
    assertEquals("/prom/api/v1/query_range", request.getPath());
    String form = URLDecoder.decode(request.getBody().readUtf8(), StandardCharsets.UTF_8);
    assertEquals(
        "query=" + QUERY + "&start=1768903200&end=1768903290.5&step=30", form, "form body");
  }

  @Test
  void instantSendsQueryAndTimeToQuery() throws Exception {
    reply(200, success("vector", "[]"));
    source.instant(QUERY, FROM.plusMillis(1));
    RecordedRequest request = ReceivedRequests.next(server);
    assertEquals("/prom/api/v1/query", request.getPath());
    String form = URLDecoder.decode(request.getBody().readUtf8(), StandardCharsets.UTF_8);
    assertEquals("query=" + QUERY + "&time=1768903200.001", form);
  }

  @Test
  void matrixWithOneSeriesBecomesSamples() {
    reply(
        200,
        success(
            "matrix",
            "[{\"metric\":{},\"values\":[[1768903200,\"0.25\"],[1768903260.5,\"1e-3\"],"
                + "[1768903320,\"+Inf\"]]}]"));
    assertEquals(
        List.of(
            new Sample(1768903200_000L, 0.25),
            new Sample(1768903260_500L, 0.001),
            new Sample(1768903320_000L, Double.POSITIVE_INFINITY)),
        range());
  }

  @Test
  void nanPointsInARangeAreMissingNotReadings() {
    reply(
        200,
        success(
            "matrix",
            "[{\"metric\":{},\"values\":[[1768903200,\"NaN\"],[1768903260,\"0.5\"],"
                + "[1768903320,\"NaN\"]]}]"));
    assertEquals(List.of(new Sample(1768903260_000L, 0.5)), range());
  }

  @Test
  void emptyMatrixIsNoData() {
    reply(200, success("matrix", "[]"));
    assertEquals(List.of(), range());
  }

  @Test
  void vectorWithOneSeriesIsTheInstantValue() {
    reply(200, success("vector", "[{\"metric\":{\"job\":\"api\"},\"value\":[1768903200,\"42\"]}]"));
    assertEquals(42.0, source.instant(QUERY, FROM));
  }

  @Test
  void emptyVectorIsNaN() {
    // Prometheus drops a stale series from instant results: staleness reads as this empty vector.
    reply(200, success("vector", "[]"));
    assertTrue(Double.isNaN(source.instant(QUERY, FROM)));
  }

  @Test
  void nanVectorValueIsNaN() {
    reply(200, success("vector", "[{\"metric\":{},\"value\":[1768903200,\"NaN\"]}]"));
    assertTrue(Double.isNaN(source.instant(QUERY, FROM)));
  }

  @Test
  void scalarIsReadForBothKinds() {
    reply(200, success("scalar", "[1768903200,\"-Inf\"]"));
    assertEquals(Double.NEGATIVE_INFINITY, source.instant(QUERY, FROM));
    reply(200, success("scalar", "[1768903200,\"3\"]"));
    assertEquals(List.of(new Sample(1768903200_000L, 3)), range());
  }

  @Test
  void moreThanOneSeriesIsAnErrorNamingTheCount() {
    reply(
        200,
        success(
            "vector",
            "[{\"metric\":{\"endpoint\":\"a\"},\"value\":[1,\"1\"]},"
                + "{\"metric\":{\"endpoint\":\"b\"},\"value\":[1,\"2\"]}]"));
    MetricReadException e =
        assertThrows(MetricReadException.class, () -> source.instant(QUERY, FROM));
    assertTrue(e.getMessage().contains("returned 2 series"), e.getMessage());
    assertTrue(e.getMessage().contains("\"endpoint\":\"b\""), e.getMessage());
    assertTrue(e.getMessage().contains(QUERY), e.getMessage());
  }

  @Test
  void moreThanOneSeriesInARangeIsAnError() {
    reply(
        200,
        success(
            "matrix",
            "[{\"metric\":{\"a\":\"1\"},\"values\":[]},{\"metric\":{\"a\":\"2\"},\"values\":[]}]"));
    assertTrue(rangeFails().getMessage().contains("exactly one value"));
  }

  @Test
  void badDataNamesQueryStatusAndPrometheusError() {
    reply(400, error("bad_data", "1:5: parse error: unexpected end of input"));
    String message = rangeFails().getMessage();
    assertTrue(message.contains("'" + QUERY + "'"), message);
    assertTrue(message.contains("HTTP 400"), message);
    assertTrue(message.contains("bad_data: 1:5: parse error"), message);
  }

  /**
   * Answers a range read must fail on, each with the part of the message that says why: Prometheus'
   * own errors carry its HTTP status, error type and text; a body that is not its API JSON says so.
   */
  static Stream<Arguments> failingAnswers() {
    return Stream.of(
        failing(
            "execution error",
            422,
            error("execution", "many-to-many matching not allowed"),
            "HTTP 422, execution: many-to-many"),
        failing(
            "query timeout",
            503,
            error("timeout", "query timed out in expression evaluation"),
            "HTTP 503, timeout: query timed out"),
        failing(
            "canceled query with 499",
            499,
            error("canceled", "context canceled"),
            "HTTP 499, canceled"),
        failing(
            "empty error body is said to be empty",
            500,
            "",
            "HTTP 500, body is not Prometheus API JSON: (empty)"),
        failing(
            "error status in a 200 is still an error",
            200,
            error("internal", "storage closed"),
            "status error, internal: storage closed"),
        failing(
            "malformed JSON",
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[",
            "body is not Prometheus API JSON"),
        failing(
            "string result",
            200,
            success("string", "[1768903200,\"hello\"]"),
            "result type 'string'"),
        failing("missing data object", 200, "{\"status\":\"success\"}", "no data object"));
  }

  private static Arguments failing(String name, int code, String body, String expected) {
    return Arguments.of(name, code, body, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingAnswers")
  void answerIsAnErrorSayingWhy(String name, int code, String body, String expected) {
    reply(code, body);
    String message = rangeFails().getMessage();
    assertTrue(message.contains(expected), message);
  }

  @Test
  void nonJsonErrorPageIsQuoted() {
    reply(502, "<html>Bad Gateway</html>");
    String message = rangeFails().getMessage();
    assertTrue(message.contains("HTTP 502"), message);
    assertTrue(message.contains("'<html>Bad Gateway</html>'"), message);
  }

  @Test
  void unreadableSampleIsAnError() {
    reply(200, success("vector", "[{\"metric\":{},\"value\":[1768903200,\"lots\"]}]"));
    MetricReadException e =
        assertThrows(MetricReadException.class, () -> source.instant(QUERY, FROM));
    assertTrue(e.getMessage().contains("value 'lots' is not a number"), e.getMessage());
  }

  @Test
  void droppedConnectionIsAnError() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    String message = rangeFails().getMessage();
    assertTrue(message.contains("could not be read from"), message);
    assertTrue(message.contains(QUERY), message);
  }

  @Test
  void slowAnswerPastTheCallTimeoutIsAnError() {
    server.enqueue(
        new MockResponse().setBody(success("vector", "[]")).setHeadersDelay(3, TimeUnit.SECONDS));
    assertTrue(rangeFails().getMessage().contains("InterruptedIOException"));
  }

  @Test
  void unreachableHostIsAnError() throws IOException {
    String url = server.url("/").toString();
    server.shutdown();
    MetricReadException e =
        assertThrows(
            MetricReadException.class,
            () -> new PrometheusMetricSource(client, url).instant(QUERY, FROM));
    assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
  }

  @Test
  void badBaseUrlIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new PrometheusMetricSource(client, "prom:9090"));
    assertTrue(e.getMessage().contains("prom:9090"));
  }

  @Test
  void secondsAreDecimalNeverExponent() {
    assertEquals("0", PrometheusMetricSource.seconds(0));
    assertEquals("1768903200.25", PrometheusMetricSource.seconds(1768903200_250L));
    assertEquals("60", PrometheusMetricSource.seconds(60_000));
  }
}
