package dev.greenlight.metrics;

import static dev.greenlight.testsupport.TestEnvironments.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings of a Prometheus connection: each bad one is refused naming the setting and the rule,
 * and no secret ever reaches a message or {@code toString()}.
 */
class PrometheusConnectionTest {
  private static final String SECRET = "s3cret-token-Qm4vZ8";

  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static String refused(String url, Map<String, String> env) {
    InvalidPrometheusSettingException e =
        assertThrows(
            InvalidPrometheusSettingException.class, () -> PrometheusConnection.fromEnv(url, env));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    return e.getMessage();
  }

  /** The refusal of {@code https://prom:9090} with these {@code name, value} settings. */
  private static String refusedOverHttps(String... envPairs) {
    return refused("https://prom:9090", env(envPairs));
  }

  /** The same over plain {@code http://}, where a CA file is refused but headers are not. */
  private static String refusedOverHttp(String... envPairs) {
    return refused("http://prom:9090", env(envPairs));
  }

  @Test
  void plainUrlNeedsNothingElse() {
    PrometheusConnection c = PrometheusConnection.fromEnv("http://127.0.0.1:9090", Map.of());
    assertEquals("http://127.0.0.1:9090/", c.url());
    assertEquals("http://127.0.0.1:9090/ (no credentials)", c.toString());
  }

  @Test
  void urlComesFromTheEnvironmentWhenNotGiven() {
    PrometheusConnection c =
        PrometheusConnection.fromEnv(env("PROMETHEUS_URL", "https://prom.example:9090/prom/"));
    assertEquals("https://prom.example:9090/prom/", c.url());
  }

  @Test
  void missingUrlSaysWhichSetting() {
    assertTrue(refused(null, Map.of()).startsWith("PROMETHEUS_URL is not set"));
  }

  @Test
  void urlThatIsNotHttpIsRefused() {
    String message = refused("prom:9090", Map.of());
    assertTrue(message.contains("must be an http:// or https:// URL but was 'prom:9090'"), message);
  }

  @Test
  void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
    String message = refused("https://admin:" + SECRET + "@prom:9090", Map.of());
    assertTrue(message.contains("must not carry credentials"), message);
    assertTrue(message.contains("PROMETHEUS_USERNAME"), message);
  }

  @Test
  void bearerTokenFileIsDescribedByPathOnly() throws Exception {
    Path token = file("token", SECRET + "\n");
    PrometheusConnection c =
        PrometheusConnection.fromEnv(
            "https://prom:9090", env("PROMETHEUS_BEARER_TOKEN_FILE", token.toString()));
    assertEquals("https://prom:9090/ (bearer token from file " + token + ")", c.toString());
  }

  @Test
  void secretsFromTheEnvironmentAreDescribedByVariableOnly() {
    PrometheusConnection c =
        PrometheusConnection.fromEnv(
            "https://prom:9090",
            env("PROMETHEUS_USERNAME", "release", "PROMETHEUS_PASSWORD", SECRET));
    assertEquals(
        "https://prom:9090/ (basic auth as release, password from PROMETHEUS_PASSWORD)",
        c.toString());
  }

  @Test
  void missingTokenFileIsRefused() {
    Path missing = dir.resolve("no-such-token");
    String message = refusedOverHttps("PROMETHEUS_BEARER_TOKEN_FILE", missing.toString());
    assertEquals(
        "PROMETHEUS_BEARER_TOKEN_FILE names " + missing + ", which is not a file", message);
  }

  @Test
  void emptyPasswordFileIsRefused() throws Exception {
    Path empty = file("password", "\n");
    String message =
        refusedOverHttps(
            "PROMETHEUS_USERNAME", "release", "PROMETHEUS_PASSWORD_FILE", empty.toString());
    assertEquals("PROMETHEUS_PASSWORD_FILE names " + empty + ", which is empty", message);
  }

  @Test
  void unreadablePasswordFileIsRefused() throws Exception {
    Path locked = file("locked", SECRET);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(locked), "root reads any file: run as another user to see this");
    String message =
        refusedOverHttps(
            "PROMETHEUS_USERNAME", "release", "PROMETHEUS_PASSWORD_FILE", locked.toString());
    assertTrue(message.contains("which cannot be read"), message);
  }

  @Test
  void bearerAndBasicTogetherAreRefused() throws Exception {
    Path token = file("token", SECRET);
    String message =
        refusedOverHttps(
            "PROMETHEUS_BEARER_TOKEN_FILE",
            token.toString(),
            "PROMETHEUS_USERNAME",
            "release",
            "PROMETHEUS_PASSWORD",
            SECRET);
    assertTrue(message.startsWith("both a bearer token"), message);
    assertTrue(message.contains("unset the other"), message);
  }

  @Test
  void tokenAndTokenFileTogetherAreRefused() throws Exception {
    Path token = file("token", SECRET);
    String message =
        refusedOverHttps(
            "PROMETHEUS_BEARER_TOKEN_FILE", token.toString(), "PROMETHEUS_BEARER_TOKEN", SECRET);
    assertEquals(
        "both PROMETHEUS_BEARER_TOKEN and PROMETHEUS_BEARER_TOKEN_FILE are set: unset one of them",
        message);
  }

  @Test
  void usernameWithoutPasswordIsRefused() {
    String message = refusedOverHttps("PROMETHEUS_USERNAME", "release");
    assertTrue(message.startsWith("PROMETHEUS_USERNAME is set without PROMETHEUS_PASSWORD_FILE"));
  }

  @Test
  void passwordWithoutUsernameIsRefused() {
    String message = refusedOverHttps("PROMETHEUS_PASSWORD", SECRET);
    assertTrue(message.contains("without PROMETHEUS_USERNAME"), message);
  }

  @Test
  void headerWithoutColonIsRefusedWithoutEchoingIt() {
    String message =
        refusedOverHttp("PROMETHEUS_HEADERS", "X-Scope-OrgID: team-a; X-Api-Key " + SECRET);
    assertEquals(
        "PROMETHEUS_HEADERS pair 2 has no ':': write 'Name: value' pairs separated by ';',"
            + " e.g. 'X-Scope-OrgID: team-a'",
        message);
  }

  @Test
  void headerWithBadNameIsRefusedWithoutEchoingIt() {
    String message = refusedOverHttp("PROMETHEUS_HEADERS", "Bearer " + SECRET + ": x");
    assertTrue(message.startsWith("PROMETHEUS_HEADERS pair 1 has a header name"), message);
  }

  @Test
  void headerValueWithControlCharacterIsRefusedWithoutEchoingIt() {
    String message = refusedOverHttp("PROMETHEUS_HEADERS", "X-Api-Key: " + SECRET + "\u0007");
    assertTrue(message.contains("pair 1 (X-Api-Key) has a value with a control"), message);
  }

  @Test
  void headersTheClientOwnsAreRefused() {
    String message = refusedOverHttp("PROMETHEUS_HEADERS", "Host: other");
    assertTrue(message.contains("sets Host, which the HTTP client sets itself"), message);
  }

  @Test
  void authorizationHeaderNextToCredentialsIsRefused() {
    String message =
        refusedOverHttp(
            "PROMETHEUS_HEADERS",
            "Authorization: Bearer " + SECRET,
            "PROMETHEUS_BEARER_TOKEN",
            SECRET);
    assertTrue(message.startsWith("PROMETHEUS_HEADERS sets Authorization, and so does"), message);
  }

  @Test
  void headersAreDescribedByNameOnly() {
    PrometheusConnection c =
        PrometheusConnection.fromEnv(
            "http://prom:9090",
            env("PROMETHEUS_HEADERS", "X-Scope-OrgID: team-a; X-Api-Key: " + SECRET + ";"));
    assertEquals(
        "http://prom:9090/ (no credentials, headers [X-Scope-OrgID, X-Api-Key])", c.toString());
  }

  @Test
  void caFileOverPlainHttpIsRefused() throws Exception {
    Path ca = file("ca.pem", "x");
    String message = refusedOverHttp("PROMETHEUS_CA_FILE", ca.toString());
    assertTrue(message.contains("a CA is only used over https://"), message);
  }

  @Test
  void missingCaFileIsRefused() {
    Path missing = dir.resolve("ca.pem");
    String message = refusedOverHttps("PROMETHEUS_CA_FILE", missing.toString());
    assertEquals("PROMETHEUS_CA_FILE names " + missing + ", which is not a file", message);
  }

  @Test
  void caFileWithoutCertificateIsRefused() throws Exception {
    Path notPem = file("ca.pem", "");
    String message = refusedOverHttps("PROMETHEUS_CA_FILE", notPem.toString());
    assertTrue(message.contains("which holds no certificate"), message);
  }

  @Test
  void caFileWithGarbageIsRefused() throws Exception {
    Path garbage =
        file("ca.pem", "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
    String message = refusedOverHttps("PROMETHEUS_CA_FILE", garbage.toString());
    assertTrue(message.contains("which is not a PEM certificate file"), message);
  }
}
