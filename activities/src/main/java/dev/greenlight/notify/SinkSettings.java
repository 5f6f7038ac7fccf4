package dev.greenlight.notify;

import dev.greenlight.rollout.plan.NotifySink;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds a sink's URL and signing secret where the plan says they are: written in the plan (the URL
 * only), in an environment variable of this worker, or in a file on it. Files are read at every
 * delivery, so a rotated secret is picked up without a restart; surrounding whitespace is dropped.
 *
 * <p>Every message names where a value should have come from and never the value: a URL from the
 * environment or a file is a credential (a Slack webhook URL is one). Thread-safe.
 */
public final class SinkSettings {
  private final UnaryOperator<String> environment;

  /**
   * @param environment looks up this process's environment variables ({@code System::getenv})
   */
  public SinkSettings(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** Where the sink's URL comes from, for messages: the URL itself only when the plan holds it. */
  public static String describeTarget(NotifySink sink) {
    if (sink.url() != null) {
      return sink.url();
    }
    return sink.urlEnv() != null
        ? "the URL in $" + sink.urlEnv()
        : "the URL in file " + sink.urlFile();
  }

  /**
   * @throws SinkMisconfiguredException when the variable or file is missing or empty, or does not
   *     hold an http(s) URL
   */
  public URI url(NotifySink sink) {
    String text =
        sink.url() != null
            ? sink.url()
            : sink.urlEnv() != null ? fromEnv(sink.urlEnv()) : fromFile(sink.urlFile());
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below without the text, which may be a credential.
    }
    throw new SinkMisconfiguredException(describeTarget(sink) + " is not an http or https URL");
  }

  /**
   * The signature a delivery to {@code sink} carries, or empty when the sink names no secret.
   *
   * @throws SinkMisconfiguredException when the named secret is missing, empty or malformed
   */
  public Optional<WebhookSignature> signature(NotifySink sink) {
    if (sink.secretEnv() != null) {
      return Optional.of(
          WebhookSignature.fromSecret(fromEnv(sink.secretEnv()), "$" + sink.secretEnv()));
    }
    if (sink.secretFile() != null) {
      return Optional.of(
          WebhookSignature.fromSecret(fromFile(sink.secretFile()), "file " + sink.secretFile()));
    }
    return Optional.empty();
  }

  private String fromEnv(String name) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new SinkMisconfiguredException(
          "environment variable "
              + name
              + " is "
              + (value == null ? "not set" : "empty")
              + " on this worker");
    }
    return value.strip();
  }

  private static String fromFile(String file) {
    try {
      String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new SinkMisconfiguredException("file " + file + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new SinkMisconfiguredException(
          "file " + file + " cannot be read on this worker: " + e.getClass().getSimpleName());
    }
  }
}
