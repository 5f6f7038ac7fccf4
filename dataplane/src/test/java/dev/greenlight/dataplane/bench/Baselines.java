package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.validator.StageNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the data plane is measured against: the simplest ways to do the same work. */
final class Baselines {
  private Baselines() {}

  /**
   * One {@code UPDATE … SET stage = CASE … END} built from the same normalizer over the table's
   * distinct values (bound as parameters), in one transaction: restricted with {@code WHERE stage
   * IN (…)} to the rows that change, or, when {@code everyRow}, with {@code ELSE stage} and no
   * WHERE, rewriting every row as a hand-written one-off often does. Returns rows updated.
   */
  static long singleStatementCase(String jdbcUrl, StageNormalizer normalizer, boolean everyRow)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      Map<String, String> rewrites = new TreeMap<>();
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT DISTINCT stage FROM portfolio_companies")) {
        while (rs.next()) {
          String stage = rs.getString(1);
          String canonical = stage == null ? null : normalizer.normalizeToWireName(stage);
          if (canonical != null && !canonical.equals(stage)) {
            rewrites.put(stage, canonical);
          }
        }
      }
      StringBuilder sql = new StringBuilder("UPDATE portfolio_companies SET stage = CASE stage");
      rewrites.forEach((from, to) -> sql.append(" WHEN ? THEN ?"));
      if (everyRow) {
        sql.append(" ELSE stage END");
      } else {
        sql.append(" END WHERE stage IN (").append("?,".repeat(rewrites.size()));
        sql.setLength(sql.length() - 1);
        sql.append(')');
      }
      try (PreparedStatement update = c.prepareStatement(sql.toString())) {
        int i = 1;
        for (Map.Entry<String, String> e : rewrites.entrySet()) {
          update.setString(i++, e.getKey());
          update.setString(i++, e.getValue());
        }
        if (!everyRow) {
          for (String from : rewrites.keySet()) {
            update.setString(i++, from);
          }
        }
        return update.executeUpdate();
      }
    }
  }

  /**
   * The same work as apply in one transaction: one {@code UPDATE … FROM (old → new)} whose
   * RETURNING rows are inserted into {@code stage_normalization_log}, then one {@code INSERT …
   * SELECT} logging the unmappable rows. What batching and resumability cost on top of the log.
   * Returns rows updated.
   */
  static long singleStatementWithLog(String jdbcUrl, StageNormalizer normalizer)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      c.setAutoCommit(false);
      List<String> olds = new ArrayList<>();
      List<String> news = new ArrayList<>();
      List<String> unmappable = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT DISTINCT stage FROM portfolio_companies")) {
        while (rs.next()) {
          String stage = rs.getString(1);
          String canonical = stage == null ? null : normalizer.normalizeToWireName(stage);
          if (stage != null && canonical == null) {
            unmappable.add(stage);
          } else if (canonical != null && !canonical.equals(stage)) {
            olds.add(stage);
            news.add(canonical);
          }
        }
      }
      long updated;
      try (PreparedStatement rewrite =
          c.prepareStatement(
              "WITH mapping AS (SELECT * FROM unnest(?::text[], ?::text[]) AS m(old, new)),"
                  + " rewritten AS (UPDATE portfolio_companies AS p SET stage = mapping.new"
                  + " FROM mapping WHERE p.stage = mapping.old"
                  + " RETURNING p.id, mapping.old, mapping.new)"
                  + " INSERT INTO stage_normalization_log"
                  + " (run_id, batch, company_id, old_stage, normalized_stage)"
                  + " SELECT 'one-statement', 1, id, old, new FROM rewritten")) {
        rewrite.setArray(1, c.createArrayOf("text", olds.toArray()));
        rewrite.setArray(2, c.createArrayOf("text", news.toArray()));
        updated = rewrite.executeUpdate();
      }
      try (PreparedStatement log =
          c.prepareStatement(
              "INSERT INTO stage_normalization_log (run_id, batch, company_id, old_stage)"
                  + " SELECT 'one-statement', 1, id, stage FROM portfolio_companies"
                  + " WHERE stage IN (SELECT unnest(?::text[]))")) {
        log.setArray(1, c.createArrayOf("text", unmappable.toArray()));
        log.executeUpdate();
      }
      c.commit();
      return updated;
    }
  }

  /**
   * The row-at-a-time script: reads rows with id ≤ {@code maxId} and rewrites each one that needs
   * it with its own autocommitted {@code UPDATE} — no lock, log or checkpoint, so this is the
   * cheapest possible one-row-per-transaction run. Returns rows updated.
   */
  static long rowPerTransaction(String jdbcUrl, StageNormalizer normalizer, long maxId)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      List<Long> ids = new ArrayList<>();
      List<String> stages = new ArrayList<>();
      try (PreparedStatement read =
          c.prepareStatement(
              "SELECT id, stage FROM portfolio_companies WHERE id <= ? ORDER BY id")) {
        read.setLong(1, maxId);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            String stage = rs.getString(2);
            String canonical = stage == null ? null : normalizer.normalizeToWireName(stage);
            if (canonical != null && !canonical.equals(stage)) {
              ids.add(rs.getLong(1));
              stages.add(canonical);
            }
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE portfolio_companies SET stage = ? WHERE id = ?")) {
        for (int i = 0; i < ids.size(); i++) {
          update.setString(1, stages.get(i));
          update.setLong(2, ids.get(i));
          update.executeUpdate();
        }
      }
      return ids.size();
    }
  }

  /**
   * Raw {@code pg_dump -Fc -t public.portfolio_companies} then {@code pg_restore} into a new
   * database (created and dropped), with the same flags the data plane uses. Returns milliseconds.
   */
  static long rawDumpAndRestore(DatabaseAddress db, Path dir, String scratch) throws Exception {
    long started = System.nanoTime();
    Path file = dir.resolve("raw-" + scratch + ".dump");
    run(
        pgTool(
            "pg_dump",
            db,
            db.database(),
            "-Fc",
            "-t",
            "public.portfolio_companies",
            "-f",
            file.toString()),
        db);
    try (Connection c = DriverManager.getConnection(db.toJdbcUrl())) {
      c.createStatement().execute("CREATE DATABASE " + scratch + " TEMPLATE template0");
      try {
        run(
            pgTool(
                "pg_restore",
                db,
                scratch,
                "--exit-on-error",
                "--no-owner",
                "--no-privileges",
                file.toString()),
            db);
      } finally {
        c.createStatement().execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Files.deleteIfExists(file);
    return millis;
  }

  /**
   * A pg_dump/pg_restore command line on {@code database} at {@code db}'s server; {@code -w}
   * because the password comes from {@link DatabaseAddress#toolEnvironment()}, never a prompt.
   */
  private static List<String> pgTool(
      String tool, DatabaseAddress db, String database, String... moreArgs) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            tool, "-w", "-h", db.host(), "-p", "" + db.port(), "-U", db.user(), "-d", database));
    command.addAll(List.of(moreArgs));
    return command;
  }

  private static void run(List<String> command, DatabaseAddress db)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(db.toolEnvironment());
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(command.get(0) + " exited with " + exit);
    }
  }
}
