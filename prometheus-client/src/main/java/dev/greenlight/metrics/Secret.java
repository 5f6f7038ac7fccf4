package dev.greenlight.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A password or token, held in an environment variable or read from a file. A file is read again on
 * every use, as Prometheus itself does with {@code credentials_file}, so a token that is rotated on
 * disk (a Kubernetes service account token, a Vault agent's file) is picked up without a restart.
 * Surrounding whitespace, such as the newline most editors end a file with, is dropped.
 *
 * <p>{@link #toString()} and every message say where the secret comes from, never what it is.
 * Thread-safe.
 *
 * <p>Build one with {@link #inEnv} or {@link #inFile}, which check it; read it with {@link
 * #read()}.
 *
 * @param setting the environment variable that holds the secret or names its file
 * @param value the secret itself when it is held in the variable, else null
 * @param file the file holding the secret, else null
 */
record Secret(String setting, String value, Path file) {

  /** The secret in environment variable {@code setting}, whose value is {@code value}. */
  static Secret inEnv(String setting, String value) {
    if (value.isBlank()) {
      throw new InvalidPrometheusSettingException(setting + " is set but empty");
    }
    return new Secret(setting, value.strip(), null);
  }

  /**
   * The secret in {@code file}, named by setting {@code setting}; read once now so that a missing,
   * unreadable or empty file is refused at start rather than at the first gate read.
   */
  static Secret inFile(String setting, String file) {
    Secret secret = new Secret(setting, null, Path.of(file));
    try {
      secret.read();
    } catch (IOException e) {
      throw new InvalidPrometheusSettingException(e.getMessage());
    }
    return secret;
  }

  /**
   * The secret as it is now.
   *
   * @throws IOException naming the setting and the file when the file cannot be read or is empty
   */
  String read() throws IOException {
    if (value != null) {
      return value;
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(setting + " names " + file + ", which is not a file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      // The exception's own message names only the path; say which setting it was.
      throw new IOException(
          setting + " names " + file + ", which cannot be read: " + e.getClass().getSimpleName(),
          e);
    }
    if (text.isEmpty()) {
      throw new IOException(setting + " names " + file + ", which is empty");
    }
    return text;
  }

  @Override
  public String toString() {
    return file == null ? "from " + setting : "from file " + file;
  }
}
