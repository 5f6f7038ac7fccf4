package dev.greenlight.dataplane.backup;

/**
 * What {@link Backups#backup} produced: the backup file, its manifest and the manifest's content.
 *
 * @param backupFile absolute path of the backup ({@code pg_dump -Fc} archive or copy archive, as
 *     {@code manifest.format()} says)
 * @param manifestFile absolute path of the JSON manifest beside it
 * @param durationMillis wall time of the whole backup, snapshot to manifest
 * @param formatReason why this format was used, e.g. "pg_dump not found on PATH; used the JDBC copy
 *     format"
 */
public record BackupResult(
    String runId,
    String backupFile,
    String manifestFile,
    BackupManifest manifest,
    long durationMillis,
    String formatReason) {}
