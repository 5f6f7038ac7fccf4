package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationResult;
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

/**
 * The data plane's benchmark (run by {@code activities/bench/migration-bench.sh}). Each round seeds
 * identical copies of {@code portfolio_companies} and measures, on the same server in the same run:
 * batched apply; one {@code UPDATE … CASE}; the same rewrite plus its log in one transaction; and
 * backup + verify + restore test vs raw pg_dump + pg_restore. One extra copy times one row per
 * transaction on a sample, extrapolated. Prints every measurement and the ratios; the summary uses
 * the median round.
 *
 * <p>Arguments: JDBC URL of a server whose user may create databases, rows, row-per-transaction
 * sample size, rounds.
 */
public final class MigrationBench {
  private static final long SEED = 2026;

  private MigrationBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    long sample = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    StageNormalizer normalizer = StageNormalizer.defaults();
    Path dir = Files.createTempDirectory("gl-bench-");
    List<Double> applyVsCase = new ArrayList<>();
    List<Double> applyVsLogged = new ArrayList<>();
    List<Double> backupVsRaw = new ArrayList<>();
    List<Long> applyMillis = new ArrayList<>();
    List<Long> backupMillis = new ArrayList<>();
    try (BenchDatabases dbs = new BenchDatabases(DatabaseAddress.fromJdbcUrl(url))) {
      say(
          "max heap %d MB; %,d rows per copy, seed %d, %d rounds",
          Runtime.getRuntime().maxMemory() >> 20, rows, SEED, rounds);
      for (int round = 1; round <= rounds; round++) {
        BenchDatabases.Copy applied = dbs.seededCopy("apply" + round, rows, SEED);
        BenchDatabases.Copy cased = dbs.seededCopy("case" + round, rows, SEED);
        BenchDatabases.Copy logged = dbs.seededCopy("logged" + round, rows, SEED);
        StageMigration migration = new StageMigration(applied.jdbi(), normalizer);
        if (round == 1) {
          say("seed mix: %s", applied.seeded().rowsByCategory());
          DryRunReport preview = migration.dryRun();
          say(
              "dry run: %,d ms; %,d of %,d rows (%.1f %%) need change, %,d unmappable, %,d NULL",
              preview.durationMillis(),
              preview.rowsToChange(),
              preview.totalRows(),
              100.0 * preview.rowsToChange() / preview.totalRows(),
              preview.rowsUnmappable(),
              preview.rowsNull());
        }

        Backups backups = new Backups(applied.jdbi(), applied.address(), PgTools.fromPath());
        long raw = Baselines.rawDumpAndRestore(applied.address(), dir, "gl_bench_raw_" + round);
        long started = System.nanoTime();
        var backup = backups.backup("bench", dir, List.of("portfolio_companies"));
        backups.verify(Path.of(backup.manifestFile()));
        backups.restoreTest(Path.of(backup.manifestFile()));
        long ours = (System.nanoTime() - started) / 1_000_000;
        backupVsRaw.add((double) ours / raw);
        backupMillis.add(ours);

        // Alternate the order so drift in the shared machine's load does not favour one side.
        long[] caseMs = new long[1];
        long[] loggedMs = new long[1];
        MigrationResult[] result = new MigrationResult[1];
        Runnable runCase =
            () ->
                caseMs[0] =
                    timed(
                        dbs,
                        () ->
                            Baselines.singleStatementCase(cased.address().toJdbcUrl(), normalizer));
        Runnable runLogged =
            () ->
                loggedMs[0] =
                    timed(
                        dbs,
                        () ->
                            Baselines.singleStatementWithLog(
                                logged.address().toJdbcUrl(), normalizer));
        Runnable runApply =
            () -> {
              dbs.checkpoint();
              result[0] =
                  migration.apply(
                      "bench", MigrationOptions.defaults(), progress -> sampleHeap(), () -> false);
            };
        if (round % 2 == 1) {
          runCase.run();
          runLogged.run();
          runApply.run();
        } else {
          runApply.run();
          runLogged.run();
          runCase.run();
        }
        MigrationResult r = result[0];
        applyMillis.add(r.durationMillis());
        applyVsCase.add((double) r.durationMillis() / caseMs[0]);
        applyVsLogged.add((double) r.durationMillis() / loggedMs[0]);
        boolean same =
            applied.checksum().equals(cased.checksum())
                && applied.checksum().equals(logged.checksum());
        say(
            "round %d: apply %,d ms (%,d updated, %,d unmappable logged, %d batches, last size"
                + " %,d) | UPDATE CASE %,d ms | UPDATE + log, one transaction %,d ms | backup+verify+"
                + "restore %,d ms vs raw %,d ms | identical tables: %s",
            round,
            r.durationMillis(),
            r.rowsUpdated(),
            r.rowsUnmappable(),
            r.batches(),
            r.finalBatchSize(),
            caseMs[0],
            loggedMs[0],
            ours,
            raw,
            same);
        if (!same) {
          throw new IllegalStateException(
              "apply and the baselines disagree: the comparison is void");
        }
        dbs.drop(applied, cased, logged);
      }

      BenchDatabases.Copy rowwise = dbs.seededCopy("rowtx", rows, SEED);
      dbs.checkpoint();
      long rowStarted = System.nanoTime();
      long rowUpdated =
          Baselines.rowPerTransaction(rowwise.address().toJdbcUrl(), normalizer, sample);
      long rowMillis = (System.nanoTime() - rowStarted) / 1_000_000;
      double rowExtrapolated = rowMillis * ((double) rows / sample);
      say(
          "one row per transaction: first %,d rows (%,d updates, each its own commit) in %,d ms"
              + " -> %,.0f ms extrapolated to %,d rows",
          sample, rowUpdated, rowMillis, rowExtrapolated, rows);

      say("");
      say(
          "RESULT apply / UPDATE CASE                 = %.2f median of %s (target <= 1.5)",
          median(applyVsCase), fmt(applyVsCase));
      say(
          "RESULT apply / UPDATE + log, one txn       = %.2f median of %s",
          median(applyVsLogged), fmt(applyVsLogged));
      say(
          "RESULT row-per-transaction / apply         = %.1f (target >= 20; rows extrapolated from"
              + " %,d, apply median %,.0f ms)",
          rowExtrapolated / median(applyMillis), sample, median(applyMillis));
      say(
          "RESULT backup+verify+restore / raw         = %.2f median of %s (target <= 1.2);"
              + " slowest %,d ms (target < 60 s)",
          median(backupVsRaw),
          fmt(backupVsRaw),
          backupMillis.stream().max(Long::compare).orElseThrow());
      say(
          "RESULT heap: max %,d MB (-Xmx); most in use after an apply batch %,d MB; peak per"
              + " pool %s",
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

  private interface Work {
    long run() throws Exception;
  }

  private static long timed(BenchDatabases dbs, Work work) {
    dbs.checkpoint();
    long started = System.nanoTime();
    try {
      work.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static <T extends Comparable<T>> double median(List<T> values) {
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    double mid = ((Number) sorted.get(n / 2)).doubleValue();
    return n % 2 == 1 ? mid : (mid + ((Number) sorted.get(n / 2 - 1)).doubleValue()) / 2;
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  private static long maxUsedDuringApply;

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
