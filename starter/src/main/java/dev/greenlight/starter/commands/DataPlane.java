package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.Databases;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;

/** The data-plane objects the backup and restore commands share, from the connection options. */
final class DataPlane {
  private DataPlane() {}

  static Backups backups(CommandLine cli, ConnectionOptions connection) {
    String url = Databases.requireUrl(cli, connection);
    return new Backups(
        Jdbi.create(url), DatabaseAddress.fromJdbcUrl(url), PgTools.fromEnvironment());
  }
}
