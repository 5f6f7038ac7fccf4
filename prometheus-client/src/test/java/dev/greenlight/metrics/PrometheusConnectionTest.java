package dev.greenlight.metrics;

import static dev.greenlight.testsupport.TestEnvironments.env;
import static dev.greenlight.testsupport.TestEnvironments.putPairs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings of a Prometheus connection: each bad one is refused naming the setting and the rule,
 * and no secret ever reaches a message or {@code toString()}.
 */
class PrometheusConnectionTest {
  private static final String SECRET = "s3cret-token-Qm4vZ8";
  private static final String HTTPS = "https://prom:9090";
  private static final String HTTP = "http://prom:9090";

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
    return refused(HTTPS, env(envPairs));
  }

  /** The same over plain {@code http://}, where a CA file is refused but headers are not. */
  private static String refusedOverHttp(String... envPairs) {
    return refused(HTTP, env(envPairs));
  }

  /**
   * Settings refused without any file involved: the URL, the {@code name, value} settings and the
   * whole message, which names the setting and the rule but never a secret.
   */
  static Stream<Arguments> refusedSettings() {
    return Stream.of(
        refusal(
            "no URL",
            null,
            "PROMETHEUS_URL is not set: give the Prometheus base URL, e.g. http://prometheus:9090"),
        refusal(
            "a URL that is not http",
            "prom:9090",
            "PROMETHEUS_URL must be an http:// or https:// URL but was 'prom:9090'"),
        refusal(
            "credentials in the URL",
            "https://admin:" + SECRET + "@prom:9090",
            "PROMETHEUS_URL must not carry credentials (user:password@host); set"
                + " PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD_FILE instead"),
        refusal(
            "a username without a password",
            HTTPS,
            "PROMETHEUS_USERNAME is set without PROMETHEUS_PASSWORD_FILE or PROMETHEUS_PASSWORD:"
                + " set one of them",
            "PROMETHEUS_USERNAME",
            "release"),
        refusal(
            "a password without a username",
            HTTPS,
            "a password is set without PROMETHEUS_USERNAME: basic auth needs both",
            "PROMETHEUS_PASSWORD",
            SECRET),
        refusal(
            "a header pair without ':'",
            HTTP,
            "PROMETHEUS_HEADERS pair 2 has no ':': write 'Name: value' pairs separated by ';',"
                + " e.g. 'X-Scope-OrgID: team-a'",
            "PROMETHEUS_HEADERS",
            "X-Scope-OrgID: team-a; X-Api-Key " + SECRET),
        refusal(
            "a header name that is not one",
            HTTP,
            "PROMETHEUS_HEADERS pair 1 has a header name that is empty or not a valid HTTP header"
                + " name (letters, digits and !#$%&'*+-.^_`|~ only)",
            "PROMETHEUS_HEADERS",
            "Bearer " + SECRET + ": x"),
        refusal(
            "a header value with a control character",
            HTTP,
            "PROMETHEUS_HEADERS pair 1 (X-Api-Key) has a value with a control or non-ASCII"
                + " character; HTTP header values must be printable ASCII",
            "PROMETHEUS_HEADERS",
            "X-Api-Key: " + SECRET + "\u0007"),
        refusal(
            "a header the client sets itself",
            HTTP,
            "PROMETHEUS_HEADERS pair 1 sets Host, which the HTTP client sets itself; leave it out",
            "PROMETHEUS_HEADERS",
            "Host: other"),
        refusal(
            "an Authorization header next to credentials",
            HTTP,
            "PROMETHEUS_HEADERS sets Authorization, and so does bearer token from"
                + " PROMETHEUS_BEARER_TOKEN: use one of them, not both",
            "PROMETHEUS_HEADERS",
            "Authorization: Bearer " + SECRET,
            "PROMETHEUS_BEARER_TOKEN",
            SECRET));
  }

  private static Arguments refusal(String what, String url, String message, String... envPairs) {
    return Arguments.of(Named.of(what, url), List.of(envPairs), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSettings")
  void badSettingIsRefusedNamingItAndTheRule(String url, List<String> envPairs, String message) {
    assertEquals(message, refused(url, env(envPairs.toArray(String[]::new))));
  }

  /** The settings that, next to a bearer token file, make two sources of credentials. */
  static Stream<Arguments> credentialsNextToATokenFile() {
    return Stream.of(
        Arguments.of(
            List.of("PROMETHEUS_USERNAME", "release", "PROMETHEUS_PASSWORD", SECRET),
            "both a bearer token (PROMETHEUS_BEARER_TOKEN_FILE or PROMETHEUS_BEARER_TOKEN) and"
                + " basic auth (PROMETHEUS_USERNAME, PROMETHEUS_PASSWORD_FILE or"
                + " PROMETHEUS_PASSWORD) are set: Prometheus takes one kind of credentials, unset"
                + " the other"),
        Arguments.of(
            List.of("PROMETHEUS_BEARER_TOKEN", SECRET),
            "both PROMETHEUS_BEARER_TOKEN and PROMETHEUS_BEARER_TOKEN_FILE are set: unset one of"
                + " them"));
  }

  @ParameterizedTest
  @MethodSource("credentialsNextToATokenFile")
  void secondCredentialsNextToATokenFileAreRefused(List<String> others, String message)
      throws Exception {
    Map<String, String> settings =
        env("PROMETHEUS_BEARER_TOKEN_FILE", file("token", SECRET).toString());
    putPairs(settings, others.toArray(String[]::new));
    assertEquals(message, refused(HTTPS, settings));
  }

  /** Files named by a setting are checked when read: one that is not there is refused so. */
  @ParameterizedTest
  @ValueSource(strings = {"PROMETHEUS_BEARER_TOKEN_FILE", "PROMETHEUS_CA_FILE"})
  void missingFileIsRefusedNamingSettingAndPath(String setting) {
    Path missing = dir.resolve("no-such-file");
    assertEquals(
        setting + " names " + missing + ", which is not a file",
        refusedOverHttps(setting, missing.toString()));
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
