package dev.greenlight.worker;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.PgTools;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a rollout's backups go, which format new ones are taken in, and where {@code
 * pg_dump}/{@code pg_restore} are looked for.
 */
public record BackupSetup(Path directory, BackupFormatPolicy format, PgTools tools) {
  public BackupSetup {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(tools, "tools");
  }

  /** A worker's: the configured directory and format, the tools from {@code GREENLIGHT_PG_BIN}. */
  public static BackupSetup of(WorkerConfig config) {
    return new BackupSetup(config.backupDir(), config.backupFormat(), PgTools.fromEnvironment());
  }
}
