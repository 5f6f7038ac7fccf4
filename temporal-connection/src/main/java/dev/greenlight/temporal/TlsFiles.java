package dev.greenlight.temporal;

import static dev.greenlight.temporal.TemporalSettings.TLS_CLIENT_CERT_PATH;
import static dev.greenlight.temporal.TemporalSettings.TLS_CLIENT_KEY_PATH;
import static dev.greenlight.temporal.TemporalSettings.TLS_SERVER_CA_CERT_PATH;
import static dev.greenlight.temporal.TemporalSettings.isBlank;
import static dev.greenlight.temporal.TemporalSettings.nonEmpty;

import io.temporal.envconfig.ClientConfigTLS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks on a profile's TLS files that the SDK leaves to the handshake: each named file exists,
 * and a client certificate comes with its key. A message names where the value came from — the
 * variable when it is set, else the key of the profile file.
 */
final class TlsFiles {
  private final ClientConfigTLS tls;
  private final Map<String, String> env;
  private final ProfileSource source;

  TlsFiles(ClientConfigTLS tls, Map<String, String> env, ProfileSource source) {
    this.tls = tls;
    this.env = env;
    this.source = source;
  }

  /**
   * @throws InvalidTemporalSettingsException naming the setting, the file and what is wrong
   */
  void check() {
    if (tls == null || Boolean.TRUE.equals(tls.isDisabled())) {
      return;
    }
    requireReadable(tls.getServerCACertPath(), TLS_SERVER_CA_CERT_PATH, "server_ca_cert_path");
    requireReadable(tls.getClientCertPath(), TLS_CLIENT_CERT_PATH, "client_cert_path");
    requireReadable(tls.getClientKeyPath(), TLS_CLIENT_KEY_PATH, "client_key_path");
    boolean cert = !isBlank(tls.getClientCertPath()) || nonEmpty(tls.getClientCertData());
    boolean key = !isBlank(tls.getClientKeyPath()) || nonEmpty(tls.getClientKeyData());
    if (cert != key) {
      String has = cert ? TLS_CLIENT_CERT_PATH : TLS_CLIENT_KEY_PATH;
      String lacks = cert ? TLS_CLIENT_KEY_PATH : TLS_CLIENT_CERT_PATH;
      throw new InvalidTemporalSettingsException(
          "a client certificate needs its private key and a key its certificate: "
              + has
              + " is set but "
              + lacks
              + " is not");
    }
  }

  /** The files {@code tls} names, for a message: "CA x, client certificate y, key z". */
  static String describe(ClientConfigTLS tls) {
    if (tls == null) {
      return "no files";
    }
    List<String> files = new ArrayList<>();
    if (!isBlank(tls.getServerCACertPath())) {
      files.add("CA " + tls.getServerCACertPath());
    }
    if (!isBlank(tls.getClientCertPath())) {
      files.add("client certificate " + tls.getClientCertPath());
    }
    if (!isBlank(tls.getClientKeyPath())) {
      files.add("client key " + tls.getClientKeyPath());
    }
    return files.isEmpty() ? "inline PEM data" : String.join(", ", files);
  }

  private void requireReadable(String path, String variable, String tomlKey) {
    if (isBlank(path)) {
      return;
    }
    Path file = Path.of(path);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidTemporalSettingsException(
          settingName(variable, tomlKey) + " names " + path + ", which is not a readable file");
    }
  }

  private String settingName(String variable, String tomlKey) {
    if (!isBlank(env.get(variable)) || source.file() == null) {
      return variable;
    }
    return "tls." + tomlKey + " of profile " + source.profile() + " in " + source.file();
  }
}
