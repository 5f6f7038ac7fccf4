package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.BackupResult;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.backup.RestoreTestResult;
import dev.greenlight.dataplane.backup.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two backup formats against each other and against raw tools (run by {@code
 * dataplane/bench/backup-format-bench.sh}): per round, on one seeded copy of {@code
 * portfolio_companies}, backup + verify + restore test in the JDBC copy format, the same in the
 * pg_dump format, and raw {@code pg_dump -Fc} + {@code pg_restore}; each after a CHECKPOINT, in an
 * order that rotates every round. Prints every measurement and the median ratios.
 *
 * <p>Arguments: JDBC URL of a server whose user may create databases, rows, rounds.
 */
public final class BackupFormatBench {
  private static final long SEED = 2026;

  private BackupFormatBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("gl-backup-bench-");
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    for (String step : List.of("copy", "pg_dump", "raw")) {
      millis.put(step, new ArrayList<>());
    }
    try (BenchDatabases dbs = new BenchDatabases(DatabaseAddress.fromJdbcUrl(url))) {
      BenchDatabases.Copy db = dbs.seededCopy("formats", rows, SEED);
      say("%,d rows in portfolio_companies, seed %d, %d rounds", rows, SEED, rounds);
      Backups copy =
          new Backups(db.jdbi(), db.address(), PgTools.fromPath(), BackupFormatPolicy.COPY);
      Backups pgDump = copy.withPolicy(BackupFormatPolicy.PG_DUMP);
      for (int round = 1; round <= rounds; round++) {
        List<String> order = new ArrayList<>(millis.keySet());
        // Rotate, so drift in the shared machine's load does not favour one format.
        Collections.rotate(order, round - 1);
        for (String step : order) {
          dbs.checkpoint();
          long started = System.nanoTime();
          String detail =
              switch (step) {
                case "copy" -> proveOnce(copy, dir, "copy-" + round);
                case "pg_dump" -> proveOnce(pgDump, dir, "pgdump-" + round);
                default -> {
                  Baselines.rawDumpAndRestore(db.address(), dir, "gl_bench_rawfmt_" + round);
                  yield "pg_dump -Fc + CREATE DATABASE + pg_restore + DROP DATABASE";
                }
              };
          long ms = (System.nanoTime() - started) / 1_000_000;
          millis.get(step).add(ms);
          say("round %d %-8s %,7d ms  %s", round, step, ms, detail);
        }
      }
    }
    say(
        "median ratio copy / raw pg_dump+pg_restore: %.2f (rounds %s)",
        medianRatio(millis.get("copy"), millis.get("raw")),
        ratios(millis.get("copy"), millis.get("raw")));
    say(
        "median ratio copy / pg_dump format (both backup+verify+restore test): %.2f (rounds %s)",
        medianRatio(millis.get("copy"), millis.get("pg_dump")),
        ratios(millis.get("copy"), millis.get("pg_dump")));
  }

  /** Backup, verify and restore test; the phases and the file size, for the log. */
  private static String proveOnce(Backups backups, Path dir, String runId) throws Exception {
    BackupResult backup = backups.backup(runId, dir, List.of("portfolio_companies"));
    VerifyResult verified = backups.verify(Path.of(backup.manifestFile()));
    RestoreTestResult restored = backups.restoreTest(Path.of(backup.manifestFile()));
    long size = backup.manifest().sizeBytes();
    Files.delete(Path.of(backup.backupFile()));
    return String.format(
        Locale.ROOT,
        "backup %,d ms (file %,d bytes), verify %,d ms, restore test %,d ms (restore %,d ms)",
        backup.durationMillis(),
        size,
        verified.durationMillis(),
        restored.durationMillis(),
        restored.restoreMillis());
  }

  private static List<String> ratios(List<Long> a, List<Long> b) {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      r.add(String.format(Locale.ROOT, "%.2f", (double) a.get(i) / b.get(i)));
    }
    return r;
  }

  private static double medianRatio(List<Long> a, List<Long> b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      r.add((double) a.get(i) / b.get(i));
    }
    Collections.sort(r);
    return r.get(r.size() / 2);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
