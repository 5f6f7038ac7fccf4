package dev.greenlight.temporal;

import static dev.greenlight.testsupport.TestEnvironments.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each setting comes from: the profile file, the variables over it, the command line over
 * both — and the checks that stop a bad setting before anything connects.
 */
class TemporalSettingsTest {
  @TempDir Path dir;

  private Path profiles() throws Exception {
    Path file = dir.resolve("temporal.toml");
    Files.writeString(
        file,
        """
        [profile.default]
        address = "default.example:7233"
        namespace = "from-default-profile"

        [profile.prod]
        address = "prod.example:7233"
        namespace = "greenlight-prod"
        api_key = "key-from-file"
        """);
    return file;
  }

  private static TemporalSettings read(Map<String, String> env) {
    return TemporalSettings.fromEnvironment(env, null);
  }

  /** The message reading only these {@code name, value} settings is refused with. */
  private static String refused(String... envPairs) {
    return assertThrows(InvalidTemporalSettingsException.class, () -> read(env(envPairs)))
        .getMessage();
  }

  @Test
  void nothingSetMeansLocalhostDefaultNamespacePlaintext() {
    TemporalSettings s = read(Map.of());
    assertEquals("localhost:7233", s.address());
    assertEquals("default", s.namespace());
    assertFalse(s.usesTls());
    assertEquals("localhost:7233 namespace default, plaintext", s.toString());
  }

  @Test
  void defaultFileIsReadWhenItExistsAsTheCliReadsIt() throws Exception {
    TemporalSettings s = TemporalSettings.fromEnvironment(Map.of(), profiles());
    assertEquals("default.example:7233", s.address());
    assertEquals("from-default-profile", s.namespace());
  }

  @Test
  void profileFromFileThenVariablesThenCommandLine() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_CONFIG_FILE", profiles().toString());
    env.put("TEMPORAL_PROFILE", "prod");
    TemporalSettings fromFile = read(env);
    assertEquals("prod.example:7233", fromFile.address());
    assertEquals("greenlight-prod", fromFile.namespace());
    assertTrue(fromFile.sendsApiKey());
    assertTrue(fromFile.usesTls(), "an API key turns TLS on, as in every Temporal SDK");

    env.put("TEMPORAL_NAMESPACE", "from-variable");
    TemporalSettings overVariables = read(env);
    assertEquals("prod.example:7233", overVariables.address(), "the file's, not overridden");
    assertEquals("from-variable", overVariables.namespace());

    TemporalSettings overCommandLine =
        overVariables.withAddress("cli.example:7233").withNamespace(" ");
    assertEquals("cli.example:7233", overCommandLine.address());
    assertEquals("from-variable", overCommandLine.namespace(), "a blank option keeps the value");
  }

  @Test
  void apiKeyNeverAppearsInTheDescription() throws Exception {
    TemporalSettings s =
        read(
            Map.of(
                "TEMPORAL_CONFIG_FILE", profiles().toString(),
                "TEMPORAL_PROFILE", "prod",
                "TEMPORAL_GRPC_META_X_SCOPE_ORGID", "team-secret"));
    assertFalse(s.toString().contains("key-from-file"), s.toString());
    assertFalse(s.toString().contains("team-secret"), s.toString());
    assertTrue(s.toString().contains("API key"), s.toString());
    assertTrue(s.toString().contains("x-scope-orgid"), s.toString());
    assertTrue(s.toString().contains("profile prod of " + dir), s.toString());
  }

  @Test
  void unknownProfileIsRefusedNamingTheProfilesThereAre() throws Exception {
    String message =
        refused("TEMPORAL_CONFIG_FILE", profiles().toString(), "TEMPORAL_PROFILE", "staging");
    assertEquals(
        "TEMPORAL_PROFILE names profile 'staging' but "
            + dir.resolve("temporal.toml")
            + " has no [profile.staging] (it has default, prod)",
        message);
  }

  /**
   * Settings that name a file which cannot serve: the setting, what the file holds ({@code null}:
   * it is not there, which is refused rather than read as empty), and the message, {@code %s}
   * standing for the file's path.
   */
  static Stream<Arguments> unusableFiles() {
    return Stream.of(
        Arguments.of(
            "TEMPORAL_CONFIG_FILE",
            null,
            "TEMPORAL_CONFIG_FILE names %s, which is not a readable file"),
        Arguments.of(
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH",
            null,
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH names %s, which is not a readable file"),
        Arguments.of(
            "TEMPORAL_TLS_CLIENT_CERT_PATH",
            "x",
            "a client certificate needs its private key and a key its certificate:"
                + " TEMPORAL_TLS_CLIENT_CERT_PATH is set but TEMPORAL_TLS_CLIENT_KEY_PATH is not"));
  }

  @ParameterizedTest(name = "{0} naming a file holding {1}")
  @MethodSource("unusableFiles")
  void settingNamingAnUnusableFileIsRefused(String setting, String content, String message)
      throws Exception {
    Path file = dir.resolve("named-file");
    if (content != null) {
      Files.writeString(file, content);
    }
    assertEquals(message.formatted(file), refused(setting, file.toString()));
  }

  @Test
  void profileWithoutAnyFileIsRefused() {
    String message = refused("TEMPORAL_PROFILE", "prod");
    assertTrue(message.contains("there is no profile file"), message);
  }

  @Test
  void tlsMustBeTrueOrFalse() {
    String message = refused("TEMPORAL_TLS", "yes");
    assertEquals("TEMPORAL_TLS must be true or false but was 'yes'", message);
    assertTrue(read(Map.of("TEMPORAL_TLS", "true")).usesTls());
  }

  @Test
  void missingFileNamedInTheProfileNamesTheProfileKey() throws Exception {
    Path file = dir.resolve("tls.toml");
    Files.writeString(
        file,
        """
        [profile.default]
        address = "x:7233"
        [profile.default.tls]
        server_ca_cert_path = "/nowhere/ca.pem"
        """);
    String message = refused("TEMPORAL_CONFIG_FILE", file.toString());
    assertEquals(
        "tls.server_ca_cert_path of profile default in "
            + file
            + " names /nowhere/ca.pem, which is not a readable file",
        message);
  }

  @Test
  void filesThatAreNotPemAreRefusedNamingThem() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
    String message = refused("TEMPORAL_TLS_SERVER_CA_CERT_PATH", ca.toString());
    assertTrue(message.startsWith("cannot build the TLS context"), message);
    assertTrue(message.contains("CA " + ca), message);
  }
}
