package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.starter.PgToolOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code greenlight backup}: a backup of the table a rollout rewrites, with a manifest — {@code
 * pg_dump} by default, the JDBC copy format on request or when {@code auto} finds no pg_dump.
 */
@Command(
    name = "backup",
    header = "Back up portfolio_companies (pg_dump or the JDBC copy format) for a run.",
    subcommands = BackupCommand.Verify.class)
public final class BackupCommand extends ReportingCommand {
  @Mixin PgToolOptions pgTools;

  @Option(names = "--run-id", description = "The migration run the backup is evidence for.")
  String runId;

  @Option(
      names = "--format",
      paramLabel = "pg_dump|copy|auto",
      defaultValue = "${env:GREENLIGHT_BACKUP_FORMAT:-pg_dump}",
      description =
          "pg_dump (needs the tool), copy (JDBC only), or auto: pg_dump when found and new"
              + " enough, else copy (env GREENLIGHT_BACKUP_FORMAT, default ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--dir",
      description = "Directory for the dump and manifest (default: $GREENLIGHT_BACKUP_DIR/RUN_ID).")
  Path dir;

  @Override
  public Integer call() {
    // Checked here, not by picocli, so `backup verify` does not need a run id.
    if (runId == null || runId.isBlank()) {
      throw new CommandLine.ParameterException(
          cli(), "backup needs --run-id (the migration run it is evidence for)");
    }
    BackupFormatPolicy policy =
        BadInput.parse(
            cli(),
            () ->
                BackupFormatPolicy.parse(format, "--format (env " + BackupFormatPolicy.ENV + ")"));
    Path base = connection.backupDir();
    if (dir == null && base == null) {
      throw new CommandLine.ParameterException(
          cli(),
          "backup needs --dir or GREENLIGHT_BACKUP_DIR: a backup is a full copy of the data and"
              + " has no default location");
    }
    Path target = dir != null ? dir : base.resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_"));
    var result =
        DataPlane.backups(cli(), connection, pgTools, policy)
            .backup(runId, target, List.of("portfolio_companies"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", result.manifest().format());
    json.put("formatReason", result.formatReason());
    json.put("backupFile", result.backupFile().toString());
    json.put("manifest", result.manifestFile().toString());
    json.put("sha256", result.manifest().sha256());
    json.put("sizeBytes", result.manifest().sizeBytes());
    json.put("durationMillis", result.durationMillis());
    report(
        json,
        String.format(
            "format %s: %s%nbackup %s%nmanifest %s%nsha256 %s, %d bytes, %d ms%n",
            result.manifest().format(),
            result.formatReason(),
            result.backupFile(),
            result.manifestFile(),
            result.manifest().sha256(),
            result.manifest().sizeBytes(),
            result.durationMillis()));
    return 0;
  }

  /** {@code greenlight backup verify MANIFEST}: recomputes the dump's checksum. */
  @Command(name = "verify", header = "Check a backup against its manifest's SHA-256.")
  public static final class Verify extends ReportingCommand {
    @Parameters(index = "0", paramLabel = "MANIFEST")
    Path manifest;

    @Override
    public Integer call() {
      // Verifying only hashes the file: no format to choose, no tool to find.
      var result =
          DataPlane.backups(cli(), connection, new PgToolOptions(), BackupFormatPolicy.PG_DUMP)
              .verify(manifest);
      report(
          Map.of(
              "backupFile", result.backupFile().toString(),
              "sha256", result.sha256(),
              "sizeBytes", result.sizeBytes()),
          String.format(
              "verified %s: sha256 %s, %d bytes%n",
              result.backupFile(), result.sha256(), result.sizeBytes()));
      return 0;
    }
  }
}
