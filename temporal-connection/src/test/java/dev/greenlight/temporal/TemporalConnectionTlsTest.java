package dev.greenlight.temporal;

import static dev.greenlight.testsupport.TestEnvironments.putPairs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.TemporalServer;
import dev.greenlight.testsupport.TestEnvironments;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TLS, mutual TLS and API-key wiring against a real endpoint: Temporal's test server behind a
 * TLS listener on loopback, with certificates made for this run, and an interceptor that records
 * what each call carried.
 */
class TemporalConnectionTlsTest {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> TENANT =
      Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER);

  private static TestPki pki;
  private static TemporalServer mutualTls;
  private static TemporalServer serverTls;
  private static TemporalServer otherName;
  private static final List<Metadata> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create(Files.createTempDirectory("gl-temporal-pki"));
    mutualTls = tlsServer(pki.serverCert, pki.serverKey, ClientAuth.REQUIRE);
    serverTls = tlsServer(pki.serverCert, pki.serverKey, ClientAuth.NONE);
    otherName = tlsServer(pki.otherNameCert, pki.otherNameKey, ClientAuth.NONE);
  }

  @AfterAll
  static void stop() {
    for (TemporalServer server : new TemporalServer[] {mutualTls, serverTls, otherName}) {
      if (server != null) {
        server.close();
      }
    }
  }

  private static TemporalServer tlsServer(Path cert, Path key, ClientAuth clientAuth) {
    return TemporalServer.start(
        0,
        builder -> {
          try {
            builder.sslContext(
                GrpcSslContexts.forServer(cert.toFile(), key.toFile())
                    .trustManager(pki.caCert.toFile())
                    .clientAuth(clientAuth)
                    .build());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          builder.intercept(new HeaderRecorder());
        });
  }

  private static Map<String, String> env(TemporalServer server, String... pairs) {
    return putPairs(TestEnvironments.env("TEMPORAL_ADDRESS", server.address()), pairs);
  }

  private static Map<String, String> mutualTlsEnv(String... more) {
    Map<String, String> env =
        env(
            mutualTls,
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
            pki.caCert.toString(),
            "TEMPORAL_TLS_CLIENT_CERT_PATH",
            pki.clientCert.toString(),
            "TEMPORAL_TLS_CLIENT_KEY_PATH",
            pki.clientKey.toString());
    return putPairs(env, more);
  }

  /** Connects and makes one real call, so the handshake and the headers have happened. */
  private static void connectAndCall(Map<String, String> env) {
    TemporalSettings settings = TemporalSettings.fromEnvironment(env, null);
    WorkflowServiceStubs stubs = TemporalConnection.connect(settings, null);
    try {
      stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void rightCaAndClientCertificateConnectOverMutualTls() {
    connectAndCall(mutualTlsEnv());
  }

  @Test
  void profileFileAloneConnectsOverMutualTls() throws Exception {
    Path profiles = Files.createTempFile("gl-temporal", ".toml");
    Files.writeString(
        profiles,
        "[profile.secure]\n"
            + "address = \""
            + mutualTls.address()
            + "\"\n"
            + "[profile.secure.tls]\n"
            + "server_ca_cert_path = \""
            + pki.caCert
            + "\"\n"
            + "client_cert_path = \""
            + pki.clientCert
            + "\"\n"
            + "client_key_path = \""
            + pki.clientKey
            + "\"\n");
    connectAndCall(
        new HashMap<>(
            Map.of("TEMPORAL_CONFIG_FILE", profiles.toString(), "TEMPORAL_PROFILE", "secure")));
  }

  @Test
  void wrongCaFailsSayingTheServerCertificateIsNotTrusted() {
    var e =
        assertThrows(
            TemporalUnavailableException.class,
            () ->
                connectAndCall(
                    mutualTlsEnv("TEMPORAL_TLS_SERVER_CA_CERT_PATH", pki.wrongCaCert.toString())));
    assertTrue(
        e.getMessage()
            .contains(
                "the server's certificate is not signed by the CA in"
                    + " TEMPORAL_TLS_SERVER_CA_CERT_PATH ("
                    + pki.wrongCaCert
                    + ")"),
        e.getMessage());
  }

  @Test
  void missingClientCertificateFailsSayingTheServerWantsOne() {
    Map<String, String> env = mutualTlsEnv();
    env.remove("TEMPORAL_TLS_CLIENT_CERT_PATH");
    env.remove("TEMPORAL_TLS_CLIENT_KEY_PATH");
    var e = assertThrows(TemporalUnavailableException.class, () -> connectAndCall(env));
    assertTrue(
        e.getMessage().contains("the server asks for a client certificate (mutual TLS)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("TEMPORAL_TLS_CLIENT_CERT_PATH"), e.getMessage());
  }

  @Test
  void apiKeyAndGrpcMetaReachTheServerAsHeaders() {
    received.clear();
    connectAndCall(
        env(
            serverTls,
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
            pki.caCert.toString(),
            "TEMPORAL_API_KEY",
            "key-for-this-test",
            "TEMPORAL_GRPC_META_X_SCOPE_ORGID",
            "team-a"));
    Metadata call =
        received.stream()
            .filter(m -> m.containsKey(AUTHORIZATION))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no call carried authorization: " + received));
    assertEquals("Bearer key-for-this-test", call.get(AUTHORIZATION));
    assertEquals("team-a", call.get(TENANT));
  }

  @Test
  void serverNameOverrideChecksTheCertificateAgainstThatName() {
    Map<String, String> env =
        env(otherName, "TEMPORAL_TLS_SERVER_CA_CERT_PATH", pki.caCert.toString());
    var e = assertThrows(TemporalUnavailableException.class, () -> connectAndCall(env));
    assertTrue(
        e.getMessage()
            .contains(
                "does not carry the name 127.0.0.1; connect by a name it carries,"
                    + " or set TEMPORAL_TLS_SERVER_NAME"),
        e.getMessage());
    env.put("TEMPORAL_TLS_SERVER_NAME", TestPki.OTHER_NAME);
    connectAndCall(env);
  }

  @Test
  void plaintextClientAgainstTlsServerSaysToTurnTlsOn() {
    var e = assertThrows(TemporalUnavailableException.class, () -> connectAndCall(env(serverTls)));
    assertTrue(e.getMessage().contains("set TEMPORAL_TLS=true"), e.getMessage());
  }

  @Test
  void tlsClientAgainstPlaintextServerSaysItDoesNotSpeakTls() {
    try (TemporalServer plaintext = TemporalServer.start(0)) {
      var e =
          assertThrows(
              TemporalUnavailableException.class,
              () -> connectAndCall(env(plaintext, "TEMPORAL_TLS", "true")));
      assertTrue(e.getMessage().contains("does not speak TLS"), e.getMessage());
    }
  }

  /** Keeps the headers of every call, so a test can see what the client sent. */
  private static final class HeaderRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      received.add(headers);
      return next.startCall(call, headers);
    }
  }
}
