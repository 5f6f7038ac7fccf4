package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.Databases;
import dev.greenlight.validator.StageNormalizer;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight seed}: fills {@code portfolio_companies} with a realistic stage mix. */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    header = "Seed portfolio_companies with test rows (never production).")
public final class SeedCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--rows",
      defaultValue = "10000",
      description = "Rows to add (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--seed",
      defaultValue = "34",
      description = "Random seed: the same seed writes the same rows.")
  long seed;

  @Override
  public Integer call() {
    if (rows < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rows must be 0 or more but was " + rows);
    }
    var report =
        new PortfolioSeeder(
                Jdbi.create(Databases.requireMigratedUrl(spec.commandLine(), connection)),
                StageNormalizer.defaults())
            .seed(rows, seed);
    spec.commandLine()
        .getOut()
        .printf(
            "seeded %d rows (ids %d–%d) in %d ms: %d canonical, %d to change, %d unmappable, %d null%n",
            report.rows(),
            report.firstId(),
            report.lastId(),
            report.durationMillis(),
            report.rowsAlreadyCanonical(),
            report.rowsToChange(),
            report.rowsUnmappable(),
            report.rowsNull());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
