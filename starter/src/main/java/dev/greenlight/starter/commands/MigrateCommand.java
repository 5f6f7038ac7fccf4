package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.starter.Databases;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.ProgressOption;
import dev.greenlight.validator.StageNormalizer;
import java.io.PrintWriter;
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
    header = "Normalize stored stages: --dry-run to preview, --apply to rewrite in batches.")
public final class MigrateCommand extends ReportingCommand {
  @Mixin ProgressOption progress;

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
    if (mode.apply && (runId == null || runId.isBlank())) {
      throw new CommandLine.ParameterException(
          cli(), "--apply needs --run-id (the run whose backup was verified)");
    }
    if (mode.dryRun && resumeFrom != null) {
      throw new CommandLine.ParameterException(cli(), "--resume-from applies to --apply only");
    }
    if (resumeFrom != null) {
      OptionBounds.requireZeroOrMore(cli(), "--resume-from", resumeFrom);
    }
    PrintWriter out = cli().getOut();
    if (mode.dryRun) {
      // Reads only, in a read-only transaction, and never applies Greenlight's schema: a role
      // with nothing but SELECT on portfolio_companies can preview the migration anywhere.
      DryRunReport report =
          new StageMigration(
                  Jdbi.create(Databases.requireUrl(cli(), connection)), StageNormalizer.defaults())
              .dryRun();
      if (output.json) {
        JsonOutput.print(out, report);
      } else {
        printDryRun(out, report);
      }
      return 0;
    }
    StageMigration migration =
        new StageMigration(
            Jdbi.create(Databases.requireMigratedUrl(cli(), connection)),
            StageNormalizer.defaults());
    MigrationOptions.Builder options = MigrationOptions.builder().initialBatchSize(batchSize);
    if (resumeFrom != null) {
      options.resumeFrom(resumeFrom);
    }
    ProgressBar bar = ProgressBar.to(out, output.json ? null : progress);
    var result = migration.apply(runId, options.build(), bar::draw, () -> false);
    bar.finish();
    if (output.json) {
      JsonOutput.print(out, result);
      return 0;
    }
    out.printf(
        "%s: %d rows scanned, %d updated, %d unmappable left, checkpoint id %d, %.0f rows/s%n",
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
