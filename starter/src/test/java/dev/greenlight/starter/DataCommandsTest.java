package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.testsupport.TestDatabases;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data commands on their happy path, through picocli against real PostgreSQL, each case in a
 * fresh database of its own that no worker has prepared: seed → backup → backup verify →
 * restore-test → migrate --dry-run → migrate --apply, then the data itself checked row by row.
 */
class DataCommandsTest {
  private static final int ROWS = 3_000;
  private static final StageNormalizer NORMALIZER = StageNormalizer.defaults();

  @TempDir Path dir;

  @Test
  void copyFormatPathWorksWithoutAnyPgTools() throws Exception {
    Path noTools = Files.createDirectories(dir.resolve("no-pg-tools"));
    happyPath("cli-copy", "copy", "JDBC copy format, as configured", noTools);
  }

  @Test
  void autoFallsBackToTheCopyFormatAndSaysWhy() throws Exception {
    Path noTools = Files.createDirectories(dir.resolve("no-pg-tools"));
    happyPath(
        "cli-auto",
        "auto",
        "pg_dump not found in " + noTools + "; used the JDBC copy format",
        noTools);
  }

  @Test
  void pgDumpFormatPath() throws Exception {
    assumeTrue(
        ExternalTools.present("pg_dump", "pg_restore"),
        ExternalTools.skipReason("pg_dump", "pg_restore"));
    happyPath("cli-pgdump", "pg_dump", "pg_dump format, as configured", null);
  }

  @Test
  void unknownBackupFormatIsBadInputNamingTheAllowedOnes() {
    String url = TestServices.postgres().createDatabase("gl_cli_badfmt");
    try {
      Cli cli = Cli.run("backup", "--db", url, "--run-id", "x", "--format", "zip");
      assertEquals(2, cli.exit(), cli.toString());
      assertTrue(
          cli.err()
              .contains(
                  "--format (env GREENLIGHT_BACKUP_FORMAT) must be one of pg_dump, copy, auto"
                      + " but was 'zip'"),
          cli.toString());
      long tables =
          Jdbi.create(url)
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                          .mapTo(Long.class)
                          .one());
      assertEquals(0L, tables, "refused before touching the database");
    } finally {
      TestServices.postgres().dropDatabase(databaseOf(url));
    }
  }

  @Test
  void applyWithResumeFromLeavesRowsAtOrBelowTheIdAlone() throws Exception {
    Path noTools = Files.createDirectories(dir.resolve("no-pg-tools"));
    String url = TestServices.postgres().createDatabase("gl_cli_resume");
    try {
      Jdbi jdbi = Jdbi.create(url);
      Map<Long, String> original =
          seedAndProve(url, "cli-resume", "copy", "JDBC copy format, as configured", noTools);
      long from = 1_200;

      Cli applied =
          Cli.run(
              "migrate",
              "--apply",
              "--run-id",
              "cli-resume",
              "--resume-from",
              Long.toString(from),
              "--db",
              url);

      assertEquals(0, applied.exit(), applied.toString());
      assertTrue(
          applied.out().contains("COMPLETED: " + (ROWS - from) + " rows scanned"), applied.out());
      Map<Long, String> after = stages(jdbi);
      for (Map.Entry<Long, String> row : original.entrySet()) {
        String canonical = NORMALIZER.normalizeToWireName(row.getValue());
        String expected = row.getKey() <= from || canonical == null ? row.getValue() : canonical;
        assertEquals(expected, after.get(row.getKey()), "company " + row.getKey());
      }
    } finally {
      TestServices.postgres().dropDatabase(databaseOf(url));
    }
  }

  /** seed, backup, backup verify and restore-test, each checked; the stages as seeded. */
  private Map<Long, String> seedAndProve(
      String url, String runId, String format, String formatReason, Path pgBin) throws Exception {
    Jdbi jdbi = Jdbi.create(url);
    Cli seeded = Cli.run("seed", "--db", url, "--rows", Integer.toString(ROWS), "--seed", "5");
    assertEquals(0, seeded.exit(), seeded.toString());
    assertTrue(seeded.out().startsWith("seeded " + ROWS + " rows (ids 1–" + ROWS), seeded.out());
    Map<Long, String> original = stages(jdbi);
    assertEquals(ROWS, original.size());
    Expected expected = Expected.of(original);

    Cli backup =
        Cli.run(
            withPgBin(
                pgBin,
                "backup",
                "--db",
                url,
                "--run-id",
                runId,
                "--format",
                format,
                "--dir",
                dir.resolve("backups").toString()));
    assertEquals(0, backup.exit(), backup.toString());
    String backedUpAs = format.equals("pg_dump") ? "pg_dump" : "copy";
    assertTrue(
        backup.out().startsWith("format " + backedUpAs + ": " + formatReason + "\n"), backup.out());
    Path manifest = Path.of(line(backup.out(), "manifest (\\S+)"));
    assertTrue(Files.isRegularFile(manifest), manifest.toString());

    Cli verified = Cli.run("backup", "verify", manifest.toString(), "--db", url);
    assertEquals(0, verified.exit(), verified.toString());
    assertTrue(verified.out().startsWith("verified "), verified.out());

    Cli restored = Cli.run(withPgBin(pgBin, "restore-test", manifest.toString(), "--db", url));
    assertEquals(0, restored.exit(), restored.toString());
    assertTrue(
        restored.out().contains("[TableRows[table=public.portfolio_companies, rows=" + ROWS + "]]"),
        restored.out());
    assertTrue(
        restored.out().contains(expected.distinctNonNull + " distinct stages"), restored.out());
    return original;
  }

  private void happyPath(String runId, String format, String formatReason, Path pgBin)
      throws Exception {
    String url = TestServices.postgres().createDatabase("gl_cli_data");
    try {
      Jdbi jdbi = Jdbi.create(url);
      Map<Long, String> original = seedAndProve(url, runId, format, formatReason, pgBin);
      Expected expected = Expected.of(original);
      assertTrue(expected.toChange > 0 && expected.unmappable > 0, expected.toString());

      Cli dryRun = Cli.run("migrate", "--dry-run", "--db", url);
      assertEquals(0, dryRun.exit(), dryRun.toString());
      assertTrue(
          dryRun
              .out()
              .startsWith(
                  "dry run: %d rows, %d already canonical, %d would change, %d unmappable, %d null"
                      .formatted(
                          ROWS,
                          expected.canonical,
                          expected.toChange,
                          expected.unmappable,
                          expected.nulls)),
          dryRun.out());
      assertEquals(original, stages(jdbi), "a dry run writes nothing");

      Cli applied = Cli.run("migrate", "--apply", "--run-id", runId, "--db", url);
      assertEquals(0, applied.exit(), applied.toString());
      assertTrue(
          applied
              .out()
              .contains(
                  "COMPLETED: %d rows scanned, %d updated, %d unmappable left"
                      .formatted(ROWS, expected.toChange, expected.unmappable)),
          applied.out());

      Map<Long, String> after = stages(jdbi);
      for (Map.Entry<Long, String> row : original.entrySet()) {
        String canonical = NORMALIZER.normalizeToWireName(row.getValue());
        assertEquals(
            canonical == null ? row.getValue() : canonical,
            after.get(row.getKey()),
            "company " + row.getKey() + " was " + row.getValue());
      }
      List<String[]> changes =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT company_id, old_stage, normalized_stage FROM"
                              + " stage_normalization_log WHERE run_id = :run"
                              + " AND normalized_stage IS NOT NULL ORDER BY company_id")
                      .bind("run", runId)
                      .map(
                          (rs, ctx) ->
                              new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                      .list());
      assertEquals(expected.toChange, changes.size(), "one log row per changed company");
      for (String[] change : changes) {
        long id = Long.parseLong(change[0]);
        assertEquals(original.get(id), change[1], "old stage of " + id);
        assertEquals(NORMALIZER.normalizeToWireName(original.get(id)), change[2]);
        assertTrue(!Objects.equals(change[1], change[2]), "logged although unchanged: " + id);
      }
    } finally {
      TestServices.postgres().dropDatabase(databaseOf(url));
    }
  }

  /** What the seeded rows should produce, counted here with the library's normalizer. */
  private record Expected(
      long canonical, long toChange, long unmappable, long nulls, long distinctNonNull) {
    static Expected of(Map<Long, String> stages) {
      long canonical = 0;
      long toChange = 0;
      long unmappable = 0;
      long nulls = 0;
      for (String stage : stages.values()) {
        String normalized = stage == null ? null : NORMALIZER.normalizeToWireName(stage);
        if (stage == null) {
          nulls++;
        } else if (normalized == null) {
          unmappable++;
        } else if (normalized.equals(stage)) {
          canonical++;
        } else {
          toChange++;
        }
      }
      long distinct = stages.values().stream().filter(Objects::nonNull).distinct().count();
      return new Expected(canonical, toChange, unmappable, nulls, distinct);
    }
  }

  private static Map<Long, String> stages(Jdbi jdbi) {
    Map<Long, String> stages = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, stage FROM portfolio_companies")
                .map((rs, ctx) -> new AbstractMap.SimpleEntry<>(rs.getLong(1), rs.getString(2)))
                .forEach(e -> stages.put(e.getKey(), e.getValue())));
    return stages;
  }

  private static String[] withPgBin(Path pgBin, String... args) {
    if (pgBin == null) {
      return args;
    }
    String[] withBin = Arrays.copyOf(args, args.length + 2);
    withBin[args.length] = "--pg-bin";
    withBin[args.length + 1] = pgBin.toString();
    return withBin;
  }

  private static String line(String out, String regex) {
    Matcher m = Pattern.compile("(?m)^" + regex + "$").matcher(out);
    assertTrue(m.find(), "no line matching " + regex + " in:\n" + out);
    return m.group(1);
  }

  private static String databaseOf(String url) {
    return TestDatabases.nameOf(url);
  }
}
