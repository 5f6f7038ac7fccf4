package dev.greenlight.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.testsupport.Closeables;
import dev.greenlight.testsupport.LoopbackCertificates;
import dev.greenlight.testsupport.PrometheusProcess;
import dev.greenlight.testsupport.ScrapeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured Prometheus for real: the {@code prometheus} binary behind TLS with a CA made for this
 * test and basic auth, through {@code --web.config.file}, scraping a tiny target. The right CA and
 * credentials read data; a missing or wrong password, the JDK's default trust and another CA each
 * fail with a message that says what to check and never holds the password.
 */
class PrometheusConnectionRealTest {
  private static final String WRONG_PASSWORD = "wrong-pass-Vb81Kd";

  @TempDir static Path dir;
  private static ScrapeTarget target;
  private static PrometheusProcess prometheus;
  private static LoopbackCertificates certificates;
  private final List<OkHttpClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        ExternalTools.present("prometheus", "openssl"),
        ExternalTools.skipReason("prometheus", "openssl"));
    target =
        ScrapeTarget.serving("# TYPE greenlight_probe_value gauge\ngreenlight_probe_value 0.25\n");
    certificates = LoopbackCertificates.create(dir, "prometheus");
    prometheus =
        PrometheusProcess.builder().scraping(target.port()).tls(certificates).basicAuth().start();
    prometheus.awaitReady(Duration.ofSeconds(60));
    awaitFirstScrape();
  }

  @AfterAll
  static void stop() throws Exception {
    Closeables.closeAll(prometheus, target);
  }

  @AfterEach
  void closeClients() {
    clients.forEach(
        c -> {
          c.dispatcher().executorService().shutdown();
          c.connectionPool().evictAll();
        });
  }

  private static Map<String, String> secured(String password) throws Exception {
    Path file = Files.createTempFile(dir, "password", "");
    Files.writeString(file, password + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("PROMETHEUS_CA_FILE", certificates.caCertificate().toString());
    env.put("PROMETHEUS_USERNAME", PrometheusProcess.TEST_USERNAME);
    env.put("PROMETHEUS_PASSWORD_FILE", file.toString());
    return env;
  }

  private MetricSource source(Map<String, String> env) {
    PrometheusConnection connection = PrometheusConnection.fromEnv(prometheus.url(), env);
    OkHttpClient client = connection.newHttpClient(Duration.ofSeconds(5));
    clients.add(client);
    return connection.metricSource(client);
  }

  private static void awaitFirstScrape() throws Exception {
    PrometheusConnection connection =
        PrometheusConnection.fromEnv(prometheus.url(), secured(PrometheusProcess.TEST_PASSWORD));
    OkHttpClient client = connection.newHttpClient(Duration.ofSeconds(5));
    try {
      AwaitScrape.untilValue(
          connection.metricSource(client), "greenlight_probe_value", v -> v == 0.25, prometheus);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static void assertNoPassword(String text) {
    assertFalse(text.contains(PrometheusProcess.TEST_PASSWORD), text);
    assertFalse(text.contains(WRONG_PASSWORD), text);
  }

  /** The message a read of the probe through a connection with these settings fails with. */
  private String readFailure(Map<String, String> env) {
    return assertThrows(
            MetricReadException.class,
            () -> source(env).instant("greenlight_probe_value", Instant.now()))
        .getMessage();
  }

  @Test
  void rightCaAndCredentialsReadData() throws Exception {
    assertTrue(prometheus.url().startsWith("https://"), prometheus.url());
    Map<String, String> env = secured(PrometheusProcess.TEST_PASSWORD);
    assertEquals(0.25, source(env).instant("greenlight_probe_value", Instant.now()));
    assertNoPassword(PrometheusConnection.fromEnv(prometheus.url(), env).toString());
  }

  @Test
  void wrongPasswordFailsSayingWhatToCheck() throws Exception {
    String message = readFailure(secured(WRONG_PASSWORD));
    assertTrue(message.contains("failed with HTTP 401"), message);
    assertTrue(message.contains("PROMETHEUS_PASSWORD_FILE"), message);
    assertNoPassword(message);
  }

  @Test
  void missingCredentialsFailWithHttp401() throws Exception {
    Map<String, String> env = Map.of("PROMETHEUS_CA_FILE", certificates.caCertificate().toString());
    String message = readFailure(env);
    assertTrue(message.contains("failed with HTTP 401"), message);
    assertTrue(message.contains("credentials were missing or wrong"), message);
  }

  @Test
  void withoutTheCaTheServerIsNotTrusted() throws Exception {
    Map<String, String> env = secured(PrometheusProcess.TEST_PASSWORD);
    env.remove("PROMETHEUS_CA_FILE"); // the JDK's own CAs never signed a test certificate
    String message = readFailure(env);
    assertTrue(message.contains("SSLHandshakeException"), message);
    assertTrue(message.contains("is PROMETHEUS_CA_FILE the CA"), message);
    assertNoPassword(message);
  }

  @Test
  void anotherCaDoesNotTrustTheServer() throws Exception {
    LoopbackCertificates other = LoopbackCertificates.create(dir, "other");
    Map<String, String> env = secured(PrometheusProcess.TEST_PASSWORD);
    env.put("PROMETHEUS_CA_FILE", other.caCertificate().toString());
    String message = readFailure(env);
    assertTrue(message.contains("SSLHandshakeException"), message);
    assertNoPassword(message);
  }

  @Test
  void plainHttpToTheTlsPortFails() throws Exception {
    String plain = prometheus.url().replace("https://", "http://");
    PrometheusConnection connection =
        PrometheusConnection.fromEnv(
            plain,
            Map.of(
                "PROMETHEUS_USERNAME", PrometheusProcess.TEST_USERNAME,
                "PROMETHEUS_PASSWORD", PrometheusProcess.TEST_PASSWORD));
    OkHttpClient client = connection.newHttpClient(Duration.ofSeconds(5));
    clients.add(client);
    MetricReadException e =
        assertThrows(
            MetricReadException.class,
            () -> connection.metricSource(client).instant("greenlight_probe_value", Instant.now()));
    assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
    assertNoPassword(e.getMessage());
  }
}
