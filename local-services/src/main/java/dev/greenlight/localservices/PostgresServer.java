package dev.greenlight.localservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to talk to: the one a JDBC URL names, or an embedded one started on demand
 * when no URL is configured.
 *
 * <p>Closing it stops the embedded server, if it started one; a configured server is left alone.
 * Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Pattern JDBC_URL =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

  private final String jdbcUrl;
  private final EmbeddedPostgres embedded;

  private PostgresServer(String jdbcUrl, EmbeddedPostgres embedded) {
    if (!JDBC_URL.matcher(jdbcUrl).matches()) {
      throw new IllegalArgumentException(
          "database URL must look like jdbc:postgresql://host:port/db?user=… but was " + jdbcUrl);
    }
    this.jdbcUrl = jdbcUrl;
    this.embedded = embedded;
  }

  /** A server already running at {@code jdbcUrl}. */
  public static PostgresServer connectTo(String jdbcUrl) {
    return new PostgresServer(jdbcUrl, null);
  }

  /** Starts an embedded PostgreSQL on a free loopback port. */
  public static PostgresServer startEmbedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), pg);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  /** The JDBC URL of the server's configured database, credentials included. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** The same server and credentials, but database {@code database}. */
  public String jdbcUrlFor(String database) {
    Matcher m = JDBC_URL.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalStateException("unparseable JDBC URL " + jdbcUrl);
    }
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  /**
   * Creates a new, empty database with a unique name starting with {@code prefix} and returns its
   * JDBC URL. Tests use one each, so they never see one another's tables.
   */
  public String createDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
            .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    return jdbcUrlFor(name);
  }

  /** Drops {@code database} if it exists, ending its other sessions first. */
  public void dropDatabase(String database) {
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
