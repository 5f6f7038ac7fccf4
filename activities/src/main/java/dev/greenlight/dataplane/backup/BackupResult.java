package dev.greenlight.dataplane.backup;

/**
 * What {@link Backups#backup} produced: the dump, its manifest and the manifest's content.
 *
 * @param backupFile absolute path of the {@code pg_dump -Fc} archive
 * @param manifestFile absolute path of the JSON manifest beside it
 * @param durationMillis wall time of the whole backup, snapshot to manifest
 */
public record BackupResult(
    String runId,
    String backupFile,
    String manifestFile,
    BackupManifest manifest,
    long durationMillis) {}
