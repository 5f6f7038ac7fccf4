package dev.greenlight.dataplane;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * through the {@code PGPASSWORD} environment variable ({@link #toolEnvironment()}). A null user or
 * password means "not given": libpq then falls back to its own defaults ({@code ~/.pgpass}, the OS
 * user). Immutable and thread-safe.
 */
public record DatabaseAddress(
    String host, int port, String database, String user, String password, String sslMode) {
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
    return new DatabaseAddress(
        host,
        port,
        decode(m.group(2)),
        params.get("user"),
        params.get("password"),
        params.get("sslmode"));
  }

  /** The same server and credentials, database {@code name}: how a scratch database is reached. */
  public DatabaseAddress withDatabase(String name) {
    return new DatabaseAddress(host, port, name, user, password, sslMode);
  }

  /** The same server and database with other credentials (for a Jdbi built from user/password). */
  public DatabaseAddress withCredentials(String newUser, String newPassword) {
    return new DatabaseAddress(host, port, database, newUser, newPassword, sslMode);
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
   * Environment variables for {@code pg_dump}/{@code pg_restore}: the password and SSL mode, which
   * would otherwise show in {@code ps} output if passed as arguments.
   */
  public Map<String, String> toolEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    if (sslMode != null) {
      env.put("PGSSLMODE", sslMode);
    }
    return env;
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
