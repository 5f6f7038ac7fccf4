package dev.greenlight.temporal;

import io.grpc.Metadata;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how a Greenlight process reaches Temporal, read as the Temporal CLI and the other SDKs
 * read it (the SDK's own {@code temporal-envconfig}), so one profile serves all of them: the
 * profile {@code TEMPORAL_PROFILE} names ({@code default} unless set) from the TOML file {@code
 * TEMPORAL_CONFIG_FILE} names (else {@code ~/.config/temporalio/temporal.toml} when it exists),
 * then the {@code TEMPORAL_*} variables over it, then the command line ({@link #withAddress},
 * {@link #withNamespace}) over both.
 *
 * <p>Everything that can be checked without the network is checked when the settings are read: an
 * unknown profile, a certificate or key file that is missing or not PEM, a client certificate
 * without its key, {@code TEMPORAL_TLS} that is neither true nor false. Immutable and thread-safe;
 * {@link #toString()} names no secret.
 */
public final class TemporalSettings {
  public static final String ADDRESS = "TEMPORAL_ADDRESS";
  public static final String NAMESPACE = "TEMPORAL_NAMESPACE";
  public static final String API_KEY = "TEMPORAL_API_KEY";
  public static final String TLS = "TEMPORAL_TLS";
  public static final String TLS_CLIENT_CERT_PATH = "TEMPORAL_TLS_CLIENT_CERT_PATH";
  public static final String TLS_CLIENT_KEY_PATH = "TEMPORAL_TLS_CLIENT_KEY_PATH";
  public static final String TLS_SERVER_CA_CERT_PATH = "TEMPORAL_TLS_SERVER_CA_CERT_PATH";
  public static final String TLS_SERVER_NAME = "TEMPORAL_TLS_SERVER_NAME";
  public static final String TLS_DISABLE_HOST_VERIFICATION =
      "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION";
  public static final String GRPC_META_PREFIX = "TEMPORAL_GRPC_META_";
  public static final String CONFIG_FILE = "TEMPORAL_CONFIG_FILE";
  public static final String PROFILE = "TEMPORAL_PROFILE";

  public static final String DEFAULT_ADDRESS = "localhost:7233";
  public static final String DEFAULT_NAMESPACE = "default";

  private final ClientConfigProfile profile;
  private final ProfileSource source;
  private final WorkflowServiceStubsOptions serviceStubsOptions;

  private TemporalSettings(ClientConfigProfile profile, ProfileSource source) {
    this.profile = profile;
    this.source = source;
    this.serviceStubsOptions = buildServiceStubsOptions();
  }

  /**
   * The settings in {@code env} and the profile file it points to.
   *
   * @throws InvalidTemporalSettingsException naming the setting, its value and the rule
   */
  public static TemporalSettings fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, ProfileSource.defaultFile(env));
  }

  /** As {@link #fromEnvironment(Map)}, with {@code defaultFile} where the CLI would look. */
  static TemporalSettings fromEnvironment(Map<String, String> env, Path defaultFile) {
    requireBoolean(env, TLS);
    requireBoolean(env, TLS_DISABLE_HOST_VERIFICATION);
    ProfileSource source = ProfileSource.resolve(env, defaultFile);
    ClientConfigProfile loaded;
    try {
      loaded =
          ClientConfigProfile.load(
              LoadClientConfigProfileOptions.newBuilder()
                  .setEnvOverrides(env)
                  .setDisableFile(source.file() == null)
                  .setConfigFilePath(source.file() == null ? null : source.file().toString())
                  .setConfigFileProfile(source.profile())
                  .build());
    } catch (IOException | RuntimeException e) {
      throw new InvalidTemporalSettingsException(
          "cannot read profile '" + source.profile() + "' of " + source.file() + ": " + e, e);
    }
    ClientConfigProfile.Builder filled = loaded.toBuilder();
    if (isBlank(loaded.getAddress())) {
      filled.setAddress(DEFAULT_ADDRESS);
    }
    if (isBlank(loaded.getNamespace())) {
      filled.setNamespace(DEFAULT_NAMESPACE);
    }
    ClientConfigProfile profile = filled.build();
    new TlsFiles(profile.getTls(), env, source).check();
    return new TemporalSettings(profile, source);
  }

  /** A plaintext connection to {@code address}, no profile: the dev server, tests. */
  public static TemporalSettings plaintext(String address, String namespace) {
    return new TemporalSettings(
        ClientConfigProfile.newBuilder().setAddress(address).setNamespace(namespace).build(),
        ProfileSource.NONE);
  }

  /**
   * These settings with the frontend at {@code newAddress}; null or blank keeps the current one.
   */
  public TemporalSettings withAddress(String newAddress) {
    return isBlank(newAddress)
        ? this
        : new TemporalSettings(profile.toBuilder().setAddress(newAddress.trim()).build(), source);
  }

  /** These settings in {@code newNamespace}; null or blank keeps the current one. */
  public TemporalSettings withNamespace(String newNamespace) {
    return isBlank(newNamespace)
        ? this
        : new TemporalSettings(
            profile.toBuilder().setNamespace(newNamespace.trim()).build(), source);
  }

  public String address() {
    return profile.getAddress();
  }

  public String namespace() {
    return profile.getNamespace();
  }

  /** Whether the connection is TLS: asked for, implied by a certificate, or by an API key. */
  public boolean usesTls() {
    return serviceStubsOptions.getSslContext() != null || serviceStubsOptions.getEnableHttps();
  }

  /** The CA file the server's certificate is checked against, null for the JVM's default CAs. */
  public String serverCaFile() {
    return tls() == null ? null : tls().getServerCACertPath();
  }

  /** Whether a client certificate is presented (mutual TLS). */
  public boolean presentsClientCertificate() {
    ClientConfigTLS tls = tls();
    return tls != null && (!isBlank(tls.getClientCertPath()) || nonEmpty(tls.getClientCertData()));
  }

  public boolean sendsApiKey() {
    return !isBlank(profile.getApiKey());
  }

  /**
   * Options for {@code WorkflowServiceStubs}: target, TLS context, API key and gRPC headers. Add
   * metrics or timeouts with {@code WorkflowServiceStubsOptions.newBuilder(options)}.
   */
  public WorkflowServiceStubsOptions serviceStubsOptions() {
    return serviceStubsOptions;
  }

  /** Options for a {@code WorkflowClient} in this namespace. */
  public WorkflowClientOptions clientOptions() {
    return WorkflowClientOptions.newBuilder().setNamespace(namespace()).build();
  }

  /**
   * What a log line says about this connection: address, namespace, TLS and which credentials — the
   * names of gRPC headers but never their values, never the API key.
   */
  @Override
  public String toString() {
    List<String> how = new ArrayList<>();
    if (usesTls()) {
      ClientConfigTLS tls = tls();
      String ca = serverCaFile();
      how.add("TLS (" + (ca == null ? "default CAs" : "CA " + ca) + ")");
      if (presentsClientCertificate()) {
        how.add("client certificate " + tls.getClientCertPath());
      }
      if (tls != null && !isBlank(tls.getServerName())) {
        how.add("server name " + tls.getServerName());
      }
    } else {
      how.add("plaintext");
    }
    if (sendsApiKey()) {
      how.add("API key");
    }
    Set<String> headers = headerNames(profile.getMetadata());
    if (!headers.isEmpty()) {
      how.add("gRPC headers " + headers);
    }
    return address()
        + " namespace "
        + namespace()
        + ", "
        + String.join(", ", how)
        + (source.file() == null ? "" : ", profile " + source.profile() + " of " + source.file());
  }

  private WorkflowServiceStubsOptions buildServiceStubsOptions() {
    try {
      return profile.toWorkflowServiceStubsOptions();
    } catch (RuntimeException e) {
      // The SDK wraps a file it cannot parse as PEM in "Unable to create SSL context".
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new InvalidTemporalSettingsException(
          "cannot build the TLS context for Temporal from "
              + TlsFiles.describe(tls())
              + ": "
              + root.getMessage()
              + " (certificate and key files must be PEM)",
          e);
    }
  }

  private ClientConfigTLS tls() {
    ClientConfigTLS tls = profile.getTls();
    return tls == null || Boolean.TRUE.equals(tls.isDisabled()) ? null : tls;
  }

  private static Set<String> headerNames(Metadata metadata) {
    return metadata == null ? Set.of() : new TreeSet<>(metadata.keys());
  }

  private static void requireBoolean(Map<String, String> env, String name) {
    String value = env.get(name);
    // envconfig reads anything but "true" as false: "yes" or "1" would turn TLS off in silence.
    if (value != null
        && !value.isEmpty()
        && !value.equalsIgnoreCase("true")
        && !value.equalsIgnoreCase("false")) {
      throw new InvalidTemporalSettingsException(
          name + " must be true or false but was '" + value + "'");
    }
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  static boolean nonEmpty(byte[] data) {
    return data != null && data.length > 0;
  }
}
