package dev.greenlight.starter;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.schema.Schema;
import picocli.CommandLine;

/** The database for the data-plane commands, or a parameter error saying how to name one. */
public final class Databases {
  private Databases() {}

  public static String requireUrl(CommandLine cli, ConnectionOptions options) {
    String url = ConnectionOptions.blank(options.dbUrl);
    if (url == null) {
      throw new CommandLine.ParameterException(
          cli,
          "no database: set GREENLIGHT_DB_URL or pass --db jdbc:postgresql://host:port/db?user=…");
    }
    return url;
  }

  /**
   * The database's URL after applying Greenlight's own schema (Flyway, its own history table,
   * nothing of the API's touched), so the data commands work on a database no worker has used yet:
   * they record evidence and checkpoints in those tables.
   */
  public static String requireMigratedUrl(CommandLine cli, ConnectionOptions options) {
    String url = requireUrl(cli, options);
    Schema.migrate(url);
    return url;
  }

  /** The database {@code url} names, for messages: host, port, database and user, no password. */
  public static String describe(String url) {
    try {
      return DatabaseAddress.fromJdbcUrl(url).toString();
    } catch (IllegalArgumentException e) {
      return "the database --db names";
    }
  }
}
