package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.validator.StageNormalizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The data plane's benchmark (run by {@code dataplane/bench/migration-bench.sh}): rounds of {@link
 * BenchRound} — batched apply against one {@code UPDATE … CASE} restricted to the changing rows,
 * one over every row, and the same rewrite plus its log in one transaction; backup + verify +
 * restore test against raw pg_dump + pg_restore — then one row per transaction on a sample,
 * extrapolated. Prints every measurement and the median ratios of this run.
 *
 * <p>Arguments: JDBC URL of a server whose user may create databases, rows, row-per-transaction
 * sample size, rounds.
 */
public final class MigrationBench {
  private static final long SEED = 2026;
  private static long maxUsedDuringApply;

  private MigrationBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    long sample = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path dir = Files.createTempDirectory("gl-bench-");
    List<BenchRound.Timings> results = new ArrayList<>();
    try (BenchDatabases dbs = new BenchDatabases(DatabaseAddress.fromJdbcUrl(url))) {
      say(
          "max heap %d MB; %,d rows per copy, seed %d, %d rounds",
          Runtime.getRuntime().maxMemory() >> 20, rows, SEED, rounds);
      BenchDatabases.Copy preview = dbs.seededCopy("preview", rows, SEED);
      DryRunReport dry = new StageMigration(preview.jdbi(), StageNormalizer.defaults()).dryRun();
      say(
          "seed mix %s; dry run %,d ms: %,d of %,d rows (%.1f %%) need change, %,d unmappable,"
              + " %,d NULL",
          preview.seeded().rowsByCategory(),
          dry.durationMillis(),
          dry.rowsToChange(),
          dry.totalRows(),
          100.0 * dry.rowsToChange() / dry.totalRows(),
          dry.rowsUnmappable(),
          dry.rowsNull());
      long rowStarted = System.nanoTime();
      long rowUpdated =
          Baselines.rowPerTransaction(
              preview.address().toJdbcUrl(), StageNormalizer.defaults(), sample);
      long rowMillis = (System.nanoTime() - rowStarted) / 1_000_000;
      double rowExtrapolated = rowMillis * ((double) rows / sample);
      say(
          "one row per transaction: first %,d rows (%,d updates, each its own commit) in %,d ms"
              + " -> %,.0f ms extrapolated to %,d rows",
          sample, rowUpdated, rowMillis, rowExtrapolated, rows);
      dbs.drop(preview);

      BenchRound round = new BenchRound(dbs, MigrationBench::sampleHeap);
      for (int i = 1; i <= rounds; i++) {
        BenchRound.Timings t = round.run(i, rows, SEED, dir);
        results.add(t);
        say(
            "round %d: apply %,d ms (%,d updated, %,d unmappable logged, %d batches, last size"
                + " %,d) | CASE changing rows %,d ms | CASE every row %,d ms | rewrite + log, one"
                + " transaction %,d ms | backup+verify+restore %,d ms vs raw %,d ms",
            i,
            t.apply().durationMillis(),
            t.apply().rowsUpdated(),
            t.apply().rowsUnmappable(),
            t.apply().batches(),
            t.apply().finalBatchSize(),
            t.caseRestricted(),
            t.caseEveryRow(),
            t.rewriteWithLog(),
            t.backupVerifyRestore(),
            t.rawDumpRestore());
      }

      say("");
      ratio(
          results, "apply / CASE on changing rows   ", t -> t.caseRestricted(), "(target <= 1.5)");
      ratio(results, "apply / CASE on every row       ", t -> t.caseEveryRow(), "");
      ratio(results, "apply / rewrite + log, one txn  ", t -> t.rewriteWithLog(), "");
      double applyMedian =
          median(results.stream().map(t -> (double) t.apply().durationMillis()).toList());
      say(
          "RESULT row-per-transaction / apply  = %.1f (target >= 20; extrapolated from %,d rows;"
              + " apply median %,.0f ms)",
          rowExtrapolated / applyMedian, sample, applyMedian);
      List<Double> backup =
          results.stream().map(t -> (double) t.backupVerifyRestore() / t.rawDumpRestore()).toList();
      say(
          "RESULT backup+verify+restore / raw  = %.2f median of %s (target <= 1.2); slowest %,d ms"
              + " (target < 60 s)",
          median(backup),
          fmt(backup),
          results.stream().mapToLong(BenchRound.Timings::backupVerifyRestore).max().orElseThrow());
      say(
          "RESULT heap: max %,d MB (-Xmx); most in use after an apply batch %,d MB; peak per pool %s",
          Runtime.getRuntime().maxMemory() >> 20, maxUsedDuringApply >> 20, poolPeaks());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void ratio(
      List<BenchRound.Timings> results,
      String label,
      ToDoubleFunction<BenchRound.Timings> baseline,
      String target) {
    List<Double> ratios =
        results.stream().map(t -> t.apply().durationMillis() / baseline.applyAsDouble(t)).toList();
    say("RESULT %s = %.2f median of %s %s", label, median(ratios), fmt(ratios), target);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2) + sorted.get(n / 2 - 1)) / 2;
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  /** Heap in use right after a batch, garbage included: an upper bound on what apply holds. */
  private static void sampleHeap() {
    Runtime runtime = Runtime.getRuntime();
    maxUsedDuringApply = Math.max(maxUsedDuringApply, runtime.totalMemory() - runtime.freeMemory());
  }

  private static String poolPeaks() {
    List<String> peaks = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peaks.add(pool.getName() + " " + (pool.getPeakUsage().getUsed() >> 20) + " MB");
      }
    }
    return peaks.toString();
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
