package dev.greenlight.dataplane.backup;

import java.util.List;

/**
 * The JSON description written beside every backup: what was dumped, from where, its SHA-256 and
 * size, and the row counts and distinct stage count seen in the very snapshot the backup read.
 *
 * @param backupFile the backup's file name, relative to the manifest's directory
 * @param pgDumpVersion {@code pg_dump --version} for a {@code pg_dump} backup; null for the copy
 *     format, which no {@code pg_dump} took
 * @param tables every table in the backup, {@code schema.table}, with its row count
 * @param distinctStages {@code count(DISTINCT stage)} of {@code portfolio_companies}, or null when
 *     the backup does not contain it
 * @param createdAt ISO-8601 instant the backup started
 * @param dumpMillis how long writing the backup file took
 * @param format the {@link BackupFormat}'s wire name; manifests written before formats existed have
 *     none and read as {@code pg_dump}
 * @param tool what wrote the file: the {@code pg_dump} version, or the JDBC driver for the copy
 *     format
 */
public record BackupManifest(
    int formatVersion,
    String runId,
    String backupFile,
    String sha256,
    long sizeBytes,
    String database,
    String serverVersion,
    String pgDumpVersion,
    List<TableRows> tables,
    Long distinctStages,
    String createdAt,
    long dumpMillis,
    String format,
    String tool) {
  public static final int FORMAT_VERSION = 1;

  public BackupManifest {
    tables = List.copyOf(tables);
    if (format == null) {
      format = BackupFormat.PG_DUMP.wireName();
      tool = tool == null ? pgDumpVersion : tool;
    }
  }

  /** The format this manifest's file is in. */
  public BackupFormat backupFormat() {
    return BackupFormat.fromManifest(format);
  }

  /** A table and its row count. */
  public record TableRows(String table, long rows) {}
}
