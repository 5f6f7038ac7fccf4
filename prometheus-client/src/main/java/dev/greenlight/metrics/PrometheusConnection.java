package dev.greenlight.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * How to reach one Prometheus (or a Prometheus-compatible API: Mimir, Cortex, Thanos, a gateway):
 * its URL, credentials, the CA to trust and extra headers, read from the environment.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><td>{@value #URL}</td><td>base URL, {@code http://} or {@code https://}, no credentials</td></tr>
 *   <tr><td>{@value #BEARER_TOKEN_FILE} or {@value #BEARER_TOKEN}</td><td>bearer token</td></tr>
 *   <tr><td>{@value #USERNAME} with {@value #PASSWORD_FILE} or {@value #PASSWORD}</td>
 *       <td>basic auth</td></tr>
 *   <tr><td>{@value #CA_FILE}</td><td>PEM file of the CAs to trust instead of the JDK's</td></tr>
 *   <tr><td>{@value #HEADERS}</td><td>{@code Name: value} pairs separated by {@code ;}</td></tr>
 * </table>
 *
 * <p>Secrets come from files or the environment, never from the command line, where any user can
 * read them in the process list. A bad setting is refused when the connection is built, with an
 * {@link InvalidPrometheusSettingException} naming the setting and the rule; {@link #toString()}
 * describes the connection for logs without any secret or header value. Immutable; the clients it
 * builds are the caller's to close.
 */
public final class PrometheusConnection {
  public static final String URL = "PROMETHEUS_URL";
  public static final String BEARER_TOKEN = "PROMETHEUS_BEARER_TOKEN";
  public static final String BEARER_TOKEN_FILE = "PROMETHEUS_BEARER_TOKEN_FILE";
  public static final String USERNAME = "PROMETHEUS_USERNAME";
  public static final String PASSWORD = "PROMETHEUS_PASSWORD";
  public static final String PASSWORD_FILE = "PROMETHEUS_PASSWORD_FILE";
  public static final String CA_FILE = "PROMETHEUS_CA_FILE";
  public static final String HEADERS = "PROMETHEUS_HEADERS";

  private final HttpUrl url;
  private final PrometheusCredentials credentials;
  private final PemTrust trust;
  private final PrometheusHeaders headers;

  /**
   * The connection to {@code url} (from {@value #URL} or a command-line option) with the other
   * settings from {@code env}. Blank variables count as unset.
   *
   * @throws InvalidPrometheusSettingException naming the setting and the rule it breaks
   */
  public static PrometheusConnection fromEnv(String url, Map<String, String> env) {
    return new PrometheusConnection(url, env);
  }

  /** Reads and checks each setting; the CA file is read last, once the rest is known good. */
  private PrometheusConnection(String url, Map<String, String> env) {
    this.url = parseUrl(url);
    this.credentials = credentials(env);
    String caFile = get(env, CA_FILE);
    if (caFile != null && !this.url.isHttps()) {
      throw new InvalidPrometheusSettingException(
          CA_FILE + " is set but " + URL + " is " + this.url + ": a CA is only used over https://");
    }
    String headerText = get(env, HEADERS);
    this.headers =
        headerText == null
            ? PrometheusHeaders.none()
            : PrometheusHeaders.parse(HEADERS, headerText);
    if (!(credentials instanceof PrometheusCredentials.None) && headers.contains("Authorization")) {
      throw new InvalidPrometheusSettingException(
          HEADERS
              + " sets Authorization, and so does "
              + credentials
              + ": use one of them, not both");
    }
    this.trust = caFile == null ? null : PemTrust.load(CA_FILE, caFile);
  }

  /** The connection {@code env} describes, URL included. */
  public static PrometheusConnection fromEnv(Map<String, String> env) {
    return fromEnv(get(env, URL), env);
  }

  public String url() {
    return url.toString();
  }

  /**
   * A client that sends the credentials and headers with every request and trusts the configured
   * CA. The caller closes it (its dispatcher and connection pool) when done.
   */
  public OkHttpClient newHttpClient(Duration callTimeout) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .callTimeout(callTimeout)
            .addInterceptor(
                chain -> {
                  Request.Builder request = chain.request().newBuilder();
                  headers.addTo(request);
                  // Read per request: a token file rotated on disk is picked up.
                  String authorization = credentials.authorization();
                  if (authorization != null) {
                    request.header("Authorization", authorization);
                  }
                  return chain.proceed(request.build());
                });
    if (trust != null) {
      builder.sslSocketFactory(trust.socketFactory(), trust.trustManager());
    }
    return builder.build();
  }

  /**
   * A metric source reading this Prometheus through {@code client}, one of {@link #newHttpClient}.
   */
  public PrometheusMetricSource metricSource(OkHttpClient client) {
    return new PrometheusMetricSource(client, url());
  }

  /** URL, kind of credentials and where they come from, CA file, header names: no secrets. */
  @Override
  public String toString() {
    return url
        + " ("
        + credentials
        + (trust == null ? "" : ", " + trust)
        + (headers.isEmpty() ? "" : ", headers " + headers)
        + ")";
  }

  private static HttpUrl parseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidPrometheusSettingException(
          URL + " is not set: give the Prometheus base URL, e.g. http://prometheus:9090");
    }
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) {
      throw new InvalidPrometheusSettingException(
          URL
              + " must be an http:// or https:// URL but was '"
              + (url.contains("@") ? "(not shown: it contains '@')" : url)
              + "'");
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      // A URL ends up in logs and error messages, and on the command line with --prometheus.
      throw new InvalidPrometheusSettingException(
          URL
              + " must not carry credentials (user:password@host); set "
              + USERNAME
              + " and "
              + PASSWORD_FILE
              + " instead");
    }
    return parsed;
  }

  private static PrometheusCredentials credentials(Map<String, String> env) {
    String username = get(env, USERNAME);
    boolean bearer = get(env, BEARER_TOKEN) != null || get(env, BEARER_TOKEN_FILE) != null;
    boolean basic =
        username != null || get(env, PASSWORD) != null || get(env, PASSWORD_FILE) != null;
    // The rule first: which file is missing matters less than which kind of credentials to keep.
    if (bearer && basic) {
      throw new InvalidPrometheusSettingException(
          "both a bearer token ("
              + BEARER_TOKEN_FILE
              + " or "
              + BEARER_TOKEN
              + ") and basic auth ("
              + USERNAME
              + ", "
              + PASSWORD_FILE
              + " or "
              + PASSWORD
              + ") are set: Prometheus takes one kind of credentials, unset the other");
    }
    if (bearer) {
      return new PrometheusCredentials.Bearer(secret(env, BEARER_TOKEN, BEARER_TOKEN_FILE));
    }
    Secret password = secret(env, PASSWORD, PASSWORD_FILE);
    if (username != null && password == null) {
      throw new InvalidPrometheusSettingException(
          USERNAME + " is set without " + PASSWORD_FILE + " or " + PASSWORD + ": set one of them");
    }
    if (password != null && username == null) {
      throw new InvalidPrometheusSettingException(
          "a password is set without " + USERNAME + ": basic auth needs both");
    }
    if (username != null && username.contains(":")) {
      throw new InvalidPrometheusSettingException(
          USERNAME
              + " must not contain ':', which basic auth uses to separate it from the password");
    }
    return username == null
        ? new PrometheusCredentials.None()
        : new PrometheusCredentials.Basic(username, password);
  }

  /** The secret in {@code variable} or the file {@code fileVariable} names; null when neither. */
  private static Secret secret(Map<String, String> env, String variable, String fileVariable) {
    String value = get(env, variable);
    String file = get(env, fileVariable);
    if (value != null && file != null) {
      throw new InvalidPrometheusSettingException(
          "both " + variable + " and " + fileVariable + " are set: unset one of them");
    }
    if (file != null) {
      return Secret.inFile(fileVariable, file);
    }
    return value == null ? null : Secret.inEnv(variable, value);
  }

  private static String get(Map<String, String> env, String name) {
    String value = Objects.requireNonNull(env, "env").get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
