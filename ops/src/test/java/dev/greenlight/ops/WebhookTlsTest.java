package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook's HTTPS listener, with a certificate and key generated here by {@code openssl} (PEM,
 * as operators have them): a client trusting the certificate delivers; one that does not fails the
 * handshake; plain HTTP gets no answer; keys in other formats are refused naming the file.
 */
class WebhookTlsTest {
  @TempDir static Path dir;
  private static Path cert;
  private static Path key;

  @BeforeAll
  static void generateCertificate() throws Exception {
    assumeTrue(onPath("openssl"), "openssl is needed to generate the test certificate");
    cert = dir.resolve("webhook.crt");
    key = dir.resolve("webhook.key");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=greenlight-webhook-test",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
  }

  @Test
  void deliveryOverHttpsToAClientTrustingTheCertificate() throws Exception {
    try (WebhookRig rig = new WebhookRig(c -> c.withTls(cert, key))) {
      HttpResponse<String> response = send(trusting(cert), rig.server.port(), "https");

      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"status\":\"ok\""), response.body());
    }
  }

  @Test
  void clientsThatDoNotTrustItOrSpeakPlainHttpGetNothing() throws Exception {
    try (WebhookRig rig = new WebhookRig(c -> c.withTls(cert, key))) {
      assertThrows(
          SSLHandshakeException.class,
          () -> send(HttpClient.newBuilder().build(), rig.server.port(), "https"));
      assertThrows(
          IOException.class,
          () -> send(HttpClient.newBuilder().build(), rig.server.port(), "http"));
    }
  }

  @Test
  void aKeyInAnotherFormatOrOnlyHalfOfTheSettingsIsRefusedNamingIt() throws Exception {
    Path pkcs1 = dir.resolve("rsa-pkcs1.key");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    WebhookConfig base = WebhookConfig.loopback(Set.of("t"), List.of());

    var format =
        assertThrows(
            IllegalArgumentException.class,
            () -> new OpsWebhookServer(base.withTls(cert, pkcs1), null, null, null));
    var half = assertThrows(IllegalArgumentException.class, () -> base.withTls(cert, null));

    assertTrue(format.getMessage().contains(pkcs1.toString()), format.getMessage());
    assertTrue(format.getMessage().contains("PKCS#8"), format.getMessage());
    assertTrue(half.getMessage().contains("GREENLIGHT_WEBHOOK_TLS_KEY"), half.getMessage());
  }

  private static HttpResponse<String> send(HttpClient client, int port, String scheme)
      throws Exception {
    String body =
        WebhookClient.payload("tls", "firing", "SomethingElse", "fp-tls")
            .replace("\"action\":\"auto-downgrade\",", "");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/ops/alertmanager"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + WebhookClient.TOKEN_A)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient trusting(Path certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trust.setCertificateEntry(
          "webhook", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private static boolean onPath(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(entry, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
