package dev.greenlight.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Credentials;

/**
 * How requests to Prometheus authenticate: not at all, with a bearer token, or with basic auth.
 * {@link #toString()} says which and where the secret comes from, never the secret.
 */
sealed interface PrometheusCredentials {
  /** The {@code Authorization} header value, null for none. */
  String authorization() throws IOException;

  /** No credentials: a Prometheus on a trusted network, or behind a proxy that adds them. */
  record None() implements PrometheusCredentials {
    @Override
    public String authorization() {
      return null;
    }

    @Override
    public String toString() {
      return "no credentials";
    }
  }

  /** {@code Authorization: Bearer <token>}, as Mimir, Cortex, Thanos gateways and proxies take. */
  record Bearer(Secret token) implements PrometheusCredentials {
    @Override
    public String authorization() throws IOException {
      return "Bearer " + token.read();
    }

    @Override
    public String toString() {
      return "bearer token " + token;
    }
  }

  /** Basic auth, as Prometheus' own {@code --web.config.file} {@code basic_auth_users} checks. */
  record Basic(String username, Secret password) implements PrometheusCredentials {
    @Override
    public String authorization() throws IOException {
      return Credentials.basic(username, password.read(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "basic auth as " + username + ", password " + password;
    }
  }
}
