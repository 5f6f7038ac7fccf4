package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.DatabaseAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.util.DriverInfo;

/**
 * Takes one backup of a database or some of its tables, then the manifest: {@code pg_dump -Fc}, or
 * the {@linkplain CopyArchive copy format} over the JDBC connection, as the {@link FormatChoice}
 * says.
 *
 * <p>Row counts and the distinct stage count are read in a REPEATABLE READ snapshot that {@code
 * pg_dump} then imports ({@code --snapshot}) — or that the copy format is read in, on the same
 * connection — so the manifest describes exactly the data in the backup even while the API keeps
 * writing. The dump is written under a temporary name and moved into place only once complete, so a
 * failed backup leaves no file that looks usable.
 */
final class BackupWriter {
  static final String STAGE_TABLE = "public.portfolio_companies";

  /**
   * Rows and distinct non-NULL stages of the stage table in one hash-aggregated scan: {@code
   * count(DISTINCT stage)} sorts instead and took about three times as long on a million rows.
   */
  static final String STAGE_PROFILE =
      "SELECT coalesce(sum(n), 0), count(stage) FROM (SELECT stage, count(*) AS n FROM "
          + STAGE_TABLE
          + " GROUP BY stage) AS stages";

  /** The manifest's {@code tool} for the copy format: the driver that ran the COPY. */
  static final String COPY_TOOL = "PgJDBC " + DriverInfo.DRIVER_VERSION + " (COPY TO STDOUT)";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final DatabaseAddress address;
  private final FormatChoice choice;
  private final Duration timeout;

  BackupWriter(Jdbi jdbi, DatabaseAddress address, FormatChoice choice, Duration timeout) {
    this.jdbi = jdbi;
    this.address = address;
    this.choice = choice;
    this.timeout = timeout;
  }

  BackupResult backup(String runId, Path directory, List<String> tables) {
    long started = System.nanoTime();
    Instant createdAt = Instant.now();
    Path dir = directory.toAbsolutePath().normalize();
    String base = fileSafe(runId) + "-" + STAMP.format(createdAt);
    Path dump = dir.resolve(base + choice.format().fileSuffix());
    Path partial = dir.resolve(dump.getFileName() + ".partial");
    Path manifestFile = dir.resolve(base + ".manifest.json");
    try {
      OwnerOnlyFiles.directory(dir);
      // pg_dump and the copy writer truncate and fill this file; it stays 0600 throughout.
      OwnerOnlyFiles.emptyFile(partial);
      Snapshot snapshot =
          jdbi.inTransaction(
              TransactionIsolationLevel.REPEATABLE_READ, h -> dumpInSnapshot(h, tables, partial));
      long size = Files.size(partial);
      String sha = Sha256.of(partial);
      Files.move(partial, dump, StandardCopyOption.ATOMIC_MOVE);
      BackupManifest manifest =
          new BackupManifest(
              BackupManifest.FORMAT_VERSION,
              runId,
              dump.getFileName().toString(),
              sha,
              size,
              address.database(),
              snapshot.serverVersion(),
              choice.pgDump() == null ? null : choice.pgDump().version(),
              snapshot.tables(),
              snapshot.distinctStages(),
              createdAt.toString(),
              snapshot.dumpMillis(),
              choice.format().wireName(),
              choice.pgDump() == null ? COPY_TOOL : choice.pgDump().version());
      ManifestFiles.write(manifestFile, manifest);
      // The checksums recorded here, not the manifest on disk, are what every later check trusts.
      new BackupEvidenceStore(jdbi)
          .recordBackup(
              runId, manifestFile.toString(), manifest, dump.toString(), Sha256.of(manifestFile));
      return new BackupResult(
          runId,
          dump.toString(),
          manifestFile.toString(),
          manifest,
          (System.nanoTime() - started) / 1_000_000,
          choice.reason());
    } catch (IOException e) {
      throw new BackupFailedException("backup into " + dir + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(partial);
    }
  }

  private record Snapshot(
      String serverVersion,
      List<BackupManifest.TableRows> tables,
      Long distinctStages,
      long dumpMillis) {}

  private Snapshot dumpInSnapshot(Handle h, List<String> requested, Path partial) {
    h.execute("SET TRANSACTION READ ONLY");
    String database = h.createQuery("SELECT current_database()").mapTo(String.class).one();
    if (!database.equals(address.database())) {
      throw new DataPlaneException(
          "the Jdbi is connected to database "
              + database
              + " but the backup address names "
              + address
              + "; both must name the database to back up");
    }
    ServerVersion server = ServerVersion.of(h);
    List<String> tables = requested.isEmpty() ? allTables(h) : resolve(h, requested);
    List<BackupManifest.TableRows> counts = new ArrayList<>();
    Long distinctStages = null;
    for (String table : tables) {
      long rows;
      if (table.equals(STAGE_TABLE)) {
        long[] profile =
            h.createQuery(STAGE_PROFILE)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one();
        rows = profile[0];
        distinctStages = profile[1];
      } else {
        // Names come from format('%I.%I') over the catalog, so they are safely quoted identifiers.
        rows = h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
      }
      counts.add(new BackupManifest.TableRows(table, rows));
    }
    long dumpMillis =
        choice.format() == BackupFormat.COPY
            ? writeCopyArchive(h, tables, partial)
            : runPgDump(h, requested, tables, partial);
    return new Snapshot(server.text(), counts, distinctStages, dumpMillis);
  }

  /** The copy format, read on this very handle: it is the snapshot. */
  private long writeCopyArchive(Handle h, List<String> tables, Path partial) {
    long started = System.nanoTime();
    try {
      // pg_dump's timeout bounds the whole dump; here it bounds each statement, the closest the
      // server offers, so no single table's COPY can hold the snapshot longer.
      h.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
      CopyArchiveWriter.write(h, tables, partial);
    } catch (IOException | SQLException e) {
      throw new BackupFailedException(
          "copy-format backup of " + address + " failed: " + e.getMessage(), e);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** pg_dump importing this handle's snapshot, so it dumps exactly what was counted. */
  private long runPgDump(Handle h, List<String> requested, List<String> tables, Path partial) {
    String snapshotId = h.createQuery("SELECT pg_export_snapshot()").mapTo(String.class).one();
    List<String> command = new ArrayList<>(PgCommands.connection(choice.pgDump(), address));
    command.addAll(List.of("-Fc", "--snapshot=" + snapshotId, "-f", partial.toString()));
    if (!requested.isEmpty()) {
      for (String table : tables) {
        command.add("-t");
        command.add(table);
      }
    }
    ToolRun run = ToolRun.run(command, address.toolEnvironment(), timeout);
    if (!run.succeeded()) {
      throw new BackupFailedException(
          "pg_dump of "
              + address
              + (run.timedOut()
                  ? " did not finish within " + timeout + " and was killed"
                  : " exited with " + run.exitCode())
              + run.stderrSuffix());
    }
    return run.durationMillis();
  }

  private static List<String> allTables(Handle h) {
    return h.createQuery(
            """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1""")
        .mapTo(String.class)
        .list();
  }

  private List<String> resolve(Handle h, List<String> requested) {
    List<String> tables = new ArrayList<>();
    for (String name : requested) {
      String qualified =
          h.createQuery(
                  "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                      + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE c.oid = to_regclass(:name)")
              .bind("name", name)
              .mapTo(String.class)
              .findOne()
              .orElseThrow(
                  () ->
                      new DataPlaneException(
                          "table '" + name + "' does not exist in database " + address.database()));
      if (!tables.contains(qualified)) {
        tables.add(qualified);
      }
    }
    return tables;
  }

  static String fileSafe(String runId) {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run id must not be blank");
    }
    String safe = runId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.length() > 80 ? safe.substring(0, 80) : safe;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Only a leftover .partial file; the backup's outcome has already been decided.
    }
  }
}
