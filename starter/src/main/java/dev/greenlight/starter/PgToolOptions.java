package dev.greenlight.starter;

import dev.greenlight.dataplane.backup.PgTools;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code pg_dump}/{@code pg_restore} are: a mixin for the commands that may run them. */
public final class PgToolOptions {
  @Option(
      names = "--pg-bin",
      paramLabel = "DIR",
      defaultValue = "${env:GREENLIGHT_PG_BIN}",
      description =
          "Directory holding pg_dump and pg_restore (env GREENLIGHT_PG_BIN; default PATH).")
  Path pgBin;

  public PgTools tools() {
    return pgBin == null || pgBin.toString().isBlank()
        ? PgTools.fromPath()
        : PgTools.inDirectory(pgBin);
  }
}
