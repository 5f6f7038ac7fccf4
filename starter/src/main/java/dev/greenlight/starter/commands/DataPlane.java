package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.Databases;
import dev.greenlight.starter.PgToolOptions;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;

/** The data-plane objects the backup and restore commands share, from the connection options. */
final class DataPlane {
  private DataPlane() {}

  /**
   * Backups of the database the options name. {@code policy} only decides how new backups are
   * taken; verify and restore test follow each manifest's format.
   */
  static Backups backups(
      CommandLine cli,
      ConnectionOptions connection,
      PgToolOptions pgTools,
      BackupFormatPolicy policy) {
    String url = Databases.requireMigratedUrl(cli, connection);
    return new Backups(Jdbi.create(url), DatabaseAddress.fromJdbcUrl(url), pgTools.tools(), policy);
  }
}
