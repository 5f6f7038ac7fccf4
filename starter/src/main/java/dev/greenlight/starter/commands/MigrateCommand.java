package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.Databases;
import dev.greenlight.validator.StageNormalizer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code greenlight migrate}: the stage normalization by hand — a dry run, or the batched apply
 * with a progress bar. Apply refuses without a verified, restore-tested backup for the run.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    header = "Normalize stored stages: --dry-run to preview, --apply to rewrite in batches.")
public final class MigrateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Option(names = "--run-id", description = "The run to apply (needs its backup evidence).")
  String runId;

  @Option(
      names = "--resume-from",
      paramLabel = "ID",
      description = "Resume after this id instead of the run's checkpoint.")
  Long resumeFrom;

  @Option(
      names = "--batch-size",
      defaultValue = "1000",
      description = "Initial batch size (default ${DEFAULT-VALUE}).")
  int batchSize;

  static final class Mode {
    @Option(
        names = "--dry-run",
        required = true,
        description = "Show what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--apply", required = true, description = "Rewrite the stages in batches.")
    boolean apply;
  }

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    if (mode.apply && (runId == null || runId.isBlank())) {
      throw new CommandLine.ParameterException(
          cli, "--apply needs --run-id (the run whose backup was verified)");
    }
    if (mode.dryRun && resumeFrom != null) {
      throw new CommandLine.ParameterException(cli, "--resume-from applies to --apply only");
    }
    if (resumeFrom != null && resumeFrom < 0) {
      throw new CommandLine.ParameterException(
          cli, "--resume-from must be 0 or more but was " + resumeFrom);
    }
    StageMigration migration =
        new StageMigration(
            Jdbi.create(Databases.requireMigratedUrl(cli, connection)), StageNormalizer.defaults());
    PrintWriter out = cli.getOut();
    if (mode.dryRun) {
      printDryRun(out, migration.dryRun());
      return 0;
    }
    MigrationOptions.Builder options = MigrationOptions.builder().initialBatchSize(batchSize);
    if (resumeFrom != null) {
      options.resumeFrom(resumeFrom);
    }
    var result =
        migration.apply(runId, options.build(), p -> ProgressBar.draw(out, p), () -> false);
    out.printf(
        "%n%s: %d rows scanned, %d updated, %d unmappable left, checkpoint id %d, %.0f rows/s%n",
        result.status(),
        result.rowsScanned(),
        result.rowsUpdated(),
        result.rowsUnmappable(),
        result.lastId(),
        result.rowsPerSecond());
    out.flush();
    return 0;
  }

  private static void printDryRun(PrintWriter out, DryRunReport r) {
    out.printf(
        "dry run: %d rows, %d already canonical, %d would change, %d unmappable, %d null%n",
        r.totalRows(),
        r.rowsAlreadyCanonical(),
        r.rowsToChange(),
        r.rowsUnmappable(),
        r.rowsNull());
    r.mappings().stream()
        .limit(20)
        .forEach(
            m -> out.printf("  %-28s → %-12s %d rows%n", "'" + m.from() + "'", m.to(), m.rows()));
    r.unmappable().stream()
        .limit(20)
        .forEach(
            u -> out.printf("  %-28s   UNMAPPABLE   %d rows%n", "'" + u.value() + "'", u.rows()));
    out.flush();
  }
}
