package dev.greenlight.dataplane;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL database is and who logs in: what the command-line tools ({@code pg_dump},
 * {@code pg_restore}) need, parsed from the JDBC URL the rest of the process uses.
 *
 * <p>The password never appears on a command line or in {@link #toString()}: tools receive it
 * through the {@code PGPASSWORD} environment variable ({@link #toolEnvironment()}), and the URL's
 * TLS settings through libpq's {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT} and
 * {@code PGSSLKEY}. A null user or password means "not given": libpq then falls back to its own
 * defaults ({@code ~/.pgpass}, the OS user). Immutable and thread-safe.
 *
 * @param sslMode the URL's {@code sslmode}, null when absent
 * @param options every other parameter of the URL ({@code sslrootcert}, {@code sslcert}, {@code
 *     connectTimeout}, ...), in URL order: carried into {@link #toJdbcUrl()}, so scratch
 *     connections are made exactly as the worker's own
 */
public record DatabaseAddress(
    String host,
    int port,
    String database,
    String user,
    String password,
    String sslMode,
    Map<String, String> options) {
  /** libpq's environment variable for each JDBC URL parameter with the same meaning. */
  private static final Map<String, String> LIBPQ_ENV =
      Map.of(
          "sslrootcert", "PGSSLROOTCERT",
          "sslcert", "PGSSLCERT",
          "sslkey", "PGSSLKEY",
          "connectTimeout", "PGCONNECT_TIMEOUT");

  private static final Pattern URL =
      Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]*)(?:\\?(.*))?$");
  private static final Pattern HOST_PORT = Pattern.compile("^(\\[[^]]+]|[^:\\[\\]]+)(?::(\\d+))?$");

  public DatabaseAddress {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535 but was " + port);
    }
    if (database.isBlank()) {
      throw new IllegalArgumentException("database name must not be blank");
    }
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** An address whose URL had no parameters beyond user, password and sslmode. */
  public DatabaseAddress(
      String host, int port, String database, String user, String password, String sslMode) {
    this(host, port, database, user, password, sslMode, Map.of());
  }

  /**
   * Parses {@code jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…]}.
   *
   * @throws IllegalArgumentException naming the URL when it is not of that form, names several
   *     hosts, or has no database
   */
  public static DatabaseAddress fromJdbcUrl(String jdbcUrl) {
    Matcher m = URL.matcher(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "JDBC URL must look like jdbc:postgresql://host:port/database?user=… but was "
              + redact(jdbcUrl));
    }
    String hostPart = m.group(1).isEmpty() ? "localhost" : m.group(1);
    if (hostPart.contains(",")) {
      throw new IllegalArgumentException(
          "JDBC URL must name exactly one host for pg_dump/pg_restore but names several: "
              + redact(jdbcUrl));
    }
    Matcher hp = HOST_PORT.matcher(hostPart);
    if (!hp.matches()) {
      throw new IllegalArgumentException("unparseable host:port '" + hostPart + "'");
    }
    String host = hp.group(1).replace("[", "").replace("]", "");
    int port = hp.group(2) == null ? 5432 : Integer.parseInt(hp.group(2));
    Map<String, String> params = parseQuery(m.group(3));
    String user = params.remove("user");
    String password = params.remove("password");
    String sslMode = params.remove("sslmode");
    return new DatabaseAddress(host, port, decode(m.group(2)), user, password, sslMode, params);
  }

  /** The same server and credentials, database {@code name}: how a scratch database is reached. */
  public DatabaseAddress withDatabase(String name) {
    return new DatabaseAddress(host, port, name, user, password, sslMode, options);
  }

  /** The same server and database with other credentials (for a Jdbi built from user/password). */
  public DatabaseAddress withCredentials(String newUser, String newPassword) {
    return new DatabaseAddress(host, port, database, newUser, newPassword, sslMode, options);
  }

  /** A JDBC URL for this address, credentials included, for connections the data plane opens. */
  public String toJdbcUrl() {
    StringBuilder url = new StringBuilder("jdbc:postgresql://");
    url.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
    url.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8));
    String sep = "?";
    for (Map.Entry<String, String> e : jdbcParams().entrySet()) {
      url.append(sep).append(e.getKey()).append('=');
      url.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    return url.toString();
  }

  /**
   * Environment variables for {@code pg_dump}/{@code pg_restore}: the password and the TLS settings
   * of the URL, so the tools connect as securely as the JDBC driver does (and the password never
   * shows in {@code ps} output). {@code ssl=true} without {@code sslmode} means {@code
   * verify-full}, as it does to the JDBC driver.
   *
   * @throws DataPlaneException when the URL sets {@code sslpassword}: libpq reads a key's
   *     passphrase only from a terminal or a connection parameter visible in {@code ps}
   */
  public Map<String, String> toolEnvironment() {
    if (options.containsKey("sslpassword")) {
      throw new DataPlaneException(
          "the JDBC URL sets sslpassword, which pg_dump/pg_restore cannot be given safely (libpq"
              + " takes a key passphrase only from a terminal or a command-line parameter that"
              + " shows in ps); use an unencrypted client key readable only by the worker's"
              + " account");
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    String mode = effectiveSslMode();
    if (mode != null) {
      env.put("PGSSLMODE", mode);
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      String variable = LIBPQ_ENV.get(option.getKey());
      if (variable != null && !option.getValue().isEmpty()) {
        env.put(variable, option.getValue());
      }
    }
    return env;
  }

  /** The sslmode the JDBC driver applies: the URL's, or verify-full for a bare {@code ssl}. */
  private String effectiveSslMode() {
    if (sslMode != null) {
      return sslMode;
    }
    String ssl = options.get("ssl");
    return ssl != null && (ssl.isEmpty() || ssl.equalsIgnoreCase("true")) ? "verify-full" : null;
  }

  private Map<String, String> jdbcParams() {
    Map<String, String> params = new LinkedHashMap<>();
    if (user != null) {
      params.put("user", user);
    }
    if (password != null) {
      params.put("password", password);
    }
    if (sslMode != null) {
      params.put("sslmode", sslMode);
    }
    params.putAll(options);
    return params;
  }

  @Override
  public String toString() {
    return "postgresql://"
        + (user == null ? "" : user + (password == null ? "" : ":***") + "@")
        + host
        + ':'
        + port
        + '/'
        + database;
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The URL with any password value replaced, for error messages. */
  private static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
