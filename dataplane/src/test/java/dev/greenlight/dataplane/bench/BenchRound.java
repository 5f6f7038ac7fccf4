package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationResult;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One round of the benchmark: four identical seeded copies; apply on one and a baseline on each of
 * the others, each after a CHECKPOINT, in an order that alternates between rounds; then the backup
 * comparison on the apply copy (before apply touches it).
 */
final class BenchRound {
  /** What one round measured, in milliseconds. */
  record Timings(
      MigrationResult apply,
      long caseRestricted,
      long caseEveryRow,
      long rewriteWithLog,
      long backupVerifyRestore,
      long rawDumpRestore) {}

  private final BenchDatabases dbs;
  private final StageNormalizer normalizer = StageNormalizer.defaults();
  private final Runnable heapSampler;

  BenchRound(BenchDatabases dbs, Runnable heapSampler) {
    this.dbs = dbs;
    this.heapSampler = heapSampler;
  }

  Timings run(int round, long rows, long seed, Path dir) throws Exception {
    BenchDatabases.Copy applied = dbs.seededCopy("apply" + round, rows, seed);
    BenchDatabases.Copy cased = dbs.seededCopy("case" + round, rows, seed);
    BenchDatabases.Copy every = dbs.seededCopy("every" + round, rows, seed);
    BenchDatabases.Copy logged = dbs.seededCopy("logged" + round, rows, seed);
    try {
      Backups backups = new Backups(applied.jdbi(), applied.address(), PgTools.fromPath());
      long raw = Baselines.rawDumpAndRestore(applied.address(), dir, "gl_bench_raw_" + round);
      long ours =
          timed(
              () -> {
                var backup = backups.backup("bench", dir, List.of("portfolio_companies"));
                backups.verify(Path.of(backup.manifestFile()));
                backups.restoreTest(Path.of(backup.manifestFile()));
                return 0;
              });

      StageMigration migration = new StageMigration(applied.jdbi(), normalizer);
      MigrationResult[] result = new MigrationResult[1];
      Map<String, LongSupplier> steps = new LinkedHashMap<>();
      steps.put(
          "apply",
          () ->
              timed(
                  () -> {
                    result[0] =
                        migration.apply(
                            "bench",
                            MigrationOptions.defaults(),
                            progress -> heapSampler.run(),
                            () -> false);
                    return 0;
                  }));
      steps.put(
          "case", () -> timed(() -> Baselines.singleStatementCase(url(cased), normalizer, false)));
      steps.put(
          "every", () -> timed(() -> Baselines.singleStatementCase(url(every), normalizer, true)));
      steps.put(
          "logged", () -> timed(() -> Baselines.singleStatementWithLog(url(logged), normalizer)));
      // Alternate the order so drift in the shared machine's load does not favour one side.
      List<String> order = new ArrayList<>(steps.keySet());
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      Map<String, Long> millis = new LinkedHashMap<>();
      for (String step : order) {
        millis.put(step, steps.get(step).getAsLong());
      }
      String expected = applied.checksum();
      for (BenchDatabases.Copy other : List.of(cased, every, logged)) {
        if (!expected.equals(other.checksum())) {
          throw new IllegalStateException(
              "apply and the baseline on " + other.name() + " disagree: the comparison is void");
        }
      }
      return new Timings(
          result[0], millis.get("case"), millis.get("every"), millis.get("logged"), ours, raw);
    } finally {
      dbs.drop(applied, cased, every, logged);
    }
  }

  private static String url(BenchDatabases.Copy copy) {
    return copy.address().toJdbcUrl();
  }

  private interface Work {
    long run() throws Exception;
  }

  /** Wall time of {@code work} in milliseconds, after a CHECKPOINT so no one pays for another. */
  private long timed(Work work) {
    dbs.checkpoint();
    long started = System.nanoTime();
    try {
      work.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
