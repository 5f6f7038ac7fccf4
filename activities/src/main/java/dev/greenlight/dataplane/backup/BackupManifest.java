package dev.greenlight.dataplane.backup;

import java.util.List;

/**
 * The JSON description written beside every backup: what was dumped, from where, its SHA-256 and
 * size, and the row counts and distinct stage count seen in the very snapshot {@code pg_dump} read.
 *
 * @param backupFile the dump's file name, relative to the manifest's directory
 * @param tables every table in the dump, {@code schema.table}, with its row count
 * @param distinctStages {@code count(DISTINCT stage)} of {@code portfolio_companies}, or null when
 *     the dump does not contain it
 * @param createdAt ISO-8601 instant the dump started
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
    long dumpMillis) {
  public static final int FORMAT_VERSION = 1;

  public BackupManifest {
    tables = List.copyOf(tables);
  }

  /** A table and its row count. */
  public record TableRows(String table, long rows) {}
}
