package dev.greenlight.starter.commands;

import dev.greenlight.starter.ConnectionOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight backup}: pg_dump of the table a rollout rewrites, with a manifest. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    header = "Back up portfolio_companies with pg_dump and record it for a run.",
    subcommands = BackupCommand.Verify.class)
public final class BackupCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Option(names = "--run-id", description = "The migration run the backup is evidence for.")
  String runId;

  @Option(
      names = "--dir",
      description = "Directory for the dump and manifest (default: $GREENLIGHT_BACKUP_DIR/RUN_ID).")
  Path dir;

  @Override
  public Integer call() {
    // Checked here, not by picocli, so `backup verify` does not need a run id.
    if (runId == null || runId.isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "backup needs --run-id (the migration run it is evidence for)");
    }
    Path target =
        dir != null
            ? dir
            : connection.backupDir().resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_"));
    var result =
        DataPlane.backups(spec.commandLine(), connection)
            .backup(runId, target, List.of("portfolio_companies"));
    spec.commandLine()
        .getOut()
        .printf(
            "backup %s%nmanifest %s%nsha256 %s, %d bytes, %d ms%n",
            result.backupFile(),
            result.manifestFile(),
            result.manifest().sha256(),
            result.manifest().sizeBytes(),
            result.durationMillis());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** {@code greenlight backup verify MANIFEST}: recomputes the dump's checksum. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      header = "Check a backup against its manifest's SHA-256.")
  public static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "MANIFEST")
    Path manifest;

    @Override
    public Integer call() {
      var result = DataPlane.backups(spec.commandLine(), connection).verify(manifest);
      spec.commandLine()
          .getOut()
          .printf(
              "verified %s: sha256 %s, %d bytes%n",
              result.backupFile(), result.sha256(), result.sizeBytes());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
