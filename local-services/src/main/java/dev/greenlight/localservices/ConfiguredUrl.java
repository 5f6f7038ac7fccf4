package dev.greenlight.localservices;

import java.util.Optional;

/**
 * The URL of a server the environment configures: what an environment variable holds, when it is
 * set and not blank. An unset or blank variable means "start an embedded one", so the local servers
 * treat both alike.
 */
final class ConfiguredUrl {
  private ConfiguredUrl() {}

  static Optional<String> fromEnv(String envVar) {
    String url = System.getenv(envVar);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
  }
}
