package dev.greenlight.starter;

import org.jdbi.v3.core.Jdbi;
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

  public static Jdbi jdbi(CommandLine cli, ConnectionOptions options) {
    return Jdbi.create(requireUrl(cli, options));
  }
}
