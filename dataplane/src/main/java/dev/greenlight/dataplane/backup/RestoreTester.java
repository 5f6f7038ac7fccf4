package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.DatabaseAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * Proves a backup restores: checksum, a fresh scratch database, the restore the manifest's format
 * calls for ({@code pg_restore --exit-on-error}, or the {@linkplain CopyArchiveRestorer copy
 * format's} JDBC restore), the same smoke queries against the manifest either way, and the scratch
 * database dropped whatever happened.
 *
 * <p>The manifest and the dump are held to the checksums the backup step recorded in PostgreSQL,
 * and a mismatch or an unrecorded backup is refused before any database is created. The whole test,
 * checksum to drop, must finish within the limit; {@code pg_restore} is killed, and a copy
 * restore's statement cancelled, when it would not.
 */
record RestoreTester(Jdbi jdbi, DatabaseAddress address, PgTools tools) {
  static final String SCRATCH_PREFIX = "gl_restore_";

  RestoreTestResult test(Path manifestFile, Duration limit) {
    long started = System.nanoTime();
    BackupEvidenceStore evidence = new BackupEvidenceStore(jdbi);
    BackupVerifier.Checked checked = BackupVerifier.check(manifestFile, evidence);
    BackupManifest manifest = checked.manifest();
    String file = checked.backupFile().toString();
    // Refusals that need no scratch database come first.
    if (manifest.tables().stream().noneMatch(t -> t.table().equals(BackupWriter.STAGE_TABLE))) {
      throw new RestoreTestFailedException(
          "backup "
              + checked.backupFile()
              + " does not contain "
              + BackupWriter.STAGE_TABLE
              + ", the table the stage migration rewrites; back up the whole database or"
              + " include that table");
    }
    ServerVersion server = jdbi.withHandle(ServerVersion::of);
    // Only a pg_dump archive needs pg_restore; the copy format restores over JDBC.
    PgTools.Tool pgRestore =
        manifest.backupFormat() == BackupFormat.PG_DUMP
            ? tools.require("pg_restore", server.major(), server.text())
            : null;
    String scratch =
        SCRATCH_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try {
      Restored restored = restoreAndProbe(checked, pgRestore, scratch, started, limit);
      long total = (System.nanoTime() - started) / 1_000_000;
      if (total > limit.toMillis()) {
        throw new RestoreTestFailedException(
            "restore test of "
                + file
                + " took "
                + total
                + " ms, over the limit of "
                + limit.toMillis()
                + " ms");
      }
      if (!evidence.recordRestoreTestPassed(manifest.runId(), file, total)) {
        // The row was checked moments ago; only a concurrent delete gets here.
        throw new MissingBackupEvidenceException(
            manifest.runId(),
            "the record of backup "
                + file
                + " disappeared during its restore test; take a new"
                + " backup");
      }
      return new RestoreTestResult(
          manifest.runId(),
          file,
          scratch,
          restored.tables(),
          restored.distinctStages(),
          restored.restoreMillis(),
          total,
          limit.toMillis());
    } catch (RestoreTestFailedException e) {
      evidence.recordRestoreTestFailed(manifest.runId(), file);
      if (e.scratchDatabase() != null) {
        throw e;
      }
      throw new RestoreTestFailedException(
          e.getMessage() + " (scratch database " + scratch + " was dropped)", scratch, e);
    }
  }

  private record Restored(
      List<BackupManifest.TableRows> tables, Long distinctStages, long restoreMillis) {}

  private Restored restoreAndProbe(
      BackupVerifier.Checked checked,
      PgTools.Tool pgRestore,
      String scratch,
      long started,
      Duration limit) {
    jdbi.useHandle(h -> h.execute("CREATE DATABASE " + scratch + " TEMPLATE template0"));
    RuntimeException failure = null;
    try {
      long restoreMillis =
          checked.manifest().backupFormat() == BackupFormat.COPY
              ? copyRestore(checked, scratch, started, limit)
              : pgRestore(checked, pgRestore, scratch, started, limit);
      return probe(checked, scratch, remaining(started, limit), restoreMillis);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      dropAfter(scratch, failure);
    }
  }

  private long pgRestore(
      BackupVerifier.Checked checked,
      PgTools.Tool pgRestore,
      String scratch,
      long started,
      Duration limit) {
    List<String> command =
        new ArrayList<>(PgCommands.connection(pgRestore, address.withDatabase(scratch)));
    command.addAll(List.of("--exit-on-error", "--no-owner", "--no-privileges"));
    command.add(checked.backupFile().toString());
    ToolRun run = ToolRun.run(command, address.toolEnvironment(), remaining(started, limit));
    if (!run.succeeded()) {
      throw new RestoreTestFailedException(
          "restore test of "
              + checked.backupFile()
              + " failed: pg_restore "
              + (run.timedOut()
                  ? "did not finish within the " + limit.toMillis() + " ms limit and was killed"
                  : "exited with " + run.exitCode())
              + run.stderrSuffix());
    }
    return run.durationMillis();
  }

  private long copyRestore(
      BackupVerifier.Checked checked, String scratch, long started, Duration limit) {
    long restoreStarted = System.nanoTime();
    try (Connection c = DriverManager.getConnection(address.withDatabase(scratch).toJdbcUrl())) {
      new CopyArchiveRestorer(checked.backupFile(), started + limit.toNanos(), limit.toMillis())
          .restoreInto(c);
    } catch (SQLException e) {
      throw new RestoreTestFailedException(
          "restore test of "
              + checked.backupFile()
              + " failed: could not connect to scratch database "
              + scratch
              + ": "
              + e.getMessage(),
          null,
          e);
    }
    return (System.nanoTime() - restoreStarted) / 1_000_000;
  }

  private Restored probe(
      BackupVerifier.Checked checked, String scratch, Duration remaining, long restoreMillis) {
    BackupManifest manifest = checked.manifest();
    try (Connection c = DriverManager.getConnection(address.withDatabase(scratch).toJdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = " + Math.max(1, remaining.toMillis()));
      long stageColumns =
          single(
              s,
              "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                  + " AND table_name = 'portfolio_companies' AND column_name = 'stage'");
      if (stageColumns != 1) {
        throw new RestoreTestFailedException(
            "restore test of "
                + checked.backupFile()
                + " failed: the restored "
                + BackupWriter.STAGE_TABLE
                + " has no stage column");
      }
      long distinct = -1;
      List<BackupManifest.TableRows> restored = new ArrayList<>();
      for (BackupManifest.TableRows expected : manifest.tables()) {
        long rows;
        if (expected.table().equals(BackupWriter.STAGE_TABLE)) {
          try (ResultSet rs = s.executeQuery(BackupWriter.STAGE_PROFILE)) {
            rs.next();
            rows = rs.getLong(1);
            distinct = rs.getLong(2);
          }
        } else {
          // Table names in a manifest are format('%I.%I') output, already quoted where needed.
          rows = single(s, "SELECT count(*) FROM " + expected.table());
        }
        if (rows != expected.rows()) {
          throw new RestoreTestFailedException(
              "restore test of "
                  + checked.backupFile()
                  + " failed: "
                  + expected.table()
                  + " has "
                  + rows
                  + " rows in the restored copy but the manifest says "
                  + expected.rows());
        }
        restored.add(new BackupManifest.TableRows(expected.table(), rows));
      }
      if (manifest.distinctStages() != null && distinct != manifest.distinctStages()) {
        throw new RestoreTestFailedException(
            "restore test of "
                + checked.backupFile()
                + " failed: "
                + distinct
                + " distinct stages in the restored copy but the manifest says "
                + manifest.distinctStages());
      }
      return new Restored(restored, distinct, restoreMillis);
    } catch (SQLException e) {
      throw new RestoreTestFailedException(
          "restore test of "
              + checked.backupFile()
              + " failed: a smoke query on scratch database "
              + scratch
              + " failed: "
              + e.getMessage(),
          null,
          e);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Drops the scratch database; a failure to drop never hides the failure that came first. */
  private void dropAfter(String scratch, RuntimeException failure) {
    try {
      // FORCE ends sessions a killed pg_restore may have left behind (PostgreSQL 13+).
      jdbi.useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)"));
    } catch (RuntimeException dropFailure) {
      if (failure != null) {
        failure.addSuppressed(dropFailure);
      } else {
        throw new DataPlaneException(
            "scratch database "
                + scratch
                + " could not be dropped; drop it by hand: "
                + dropFailure.getMessage(),
            dropFailure);
      }
    }
  }

  private static Duration remaining(long started, Duration limit) {
    long elapsedNanos = System.nanoTime() - started;
    return limit.minusNanos(elapsedNanos).isNegative()
        ? Duration.ofMillis(1)
        : limit.minusNanos(elapsedNanos);
  }
}
