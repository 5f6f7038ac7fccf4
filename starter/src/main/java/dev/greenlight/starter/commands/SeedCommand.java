package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.dataplane.seed.SeedReport;
import dev.greenlight.dataplane.seed.SeedTarget;
import dev.greenlight.starter.Databases;
import dev.greenlight.validator.StageNormalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code greenlight seed}: fills {@code portfolio_companies} with a realistic stage mix — only a
 * table that is absent, empty or seeded before (it carries {@link PortfolioSeeder#SEEDED_MARKER}),
 * unless {@code --force}: test rows never land among someone's data by a wrong {@code --db}.
 */
@Command(name = "seed", header = "Seed portfolio_companies with test rows (never production).")
public final class SeedCommand extends ReportingCommand {
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

  @Option(
      names = "--force",
      description =
          "Add rows also to a non-empty portfolio_companies that seed did not fill (no seed"
              + " marker in its table comment).")
  boolean force;

  @Override
  public Integer call() {
    OptionBounds.requireZeroOrMore(cli(), "--rows", rows);
    String url = Databases.requireUrl(cli(), connection);
    PortfolioSeeder seeder = new PortfolioSeeder(Jdbi.create(url), StageNormalizer.defaults());
    // Before anything is written, Greenlight's own schema included.
    SeedTarget target = seeder.inspect();
    if (target.holdsRowsSeedDidNotWrite() && !force) {
      throw new IllegalStateException(
          "seed refused: portfolio_companies in "
              + Databases.describe(url)
              + " holds "
              + target.describeRows()
              + " that greenlight seed did not write (its table comment is "
              + (target.comment() == null ? "empty" : "'" + target.comment() + "'")
              + ", not the seed marker). Point --db at a test database, or pass --force to add"
              + " test rows anyway (README: \"Running a rollout for real\")");
    }
    Databases.requireMigratedUrl(cli(), connection);
    SeedReport report = seeder.seed(rows, seed);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rows", report.rows());
    json.put("firstId", report.firstId());
    json.put("lastId", report.lastId());
    json.put("durationMillis", report.durationMillis());
    json.put("canonical", report.rowsAlreadyCanonical());
    json.put("toChange", report.rowsToChange());
    json.put("unmappable", report.rowsUnmappable());
    json.put("null", report.rowsNull());
    json.put("forced", target.holdsRowsSeedDidNotWrite());
    report(
        json,
        String.format(
            "seeded %d rows (ids %d–%d) in %d ms: %d canonical, %d to change, %d unmappable, %d null%n",
            report.rows(),
            report.firstId(),
            report.lastId(),
            report.durationMillis(),
            report.rowsAlreadyCanonical(),
            report.rowsToChange(),
            report.rowsUnmappable(),
            report.rowsNull()));
    return 0;
  }
}
