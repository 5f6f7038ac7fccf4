package dev.greenlight.rollout.activity;

/**
 * A backup and its manifest.
 *
 * @param format the backup's format, {@code pg_dump} or {@code copy}; null in histories recorded
 *     before formats existed
 * @param formatReason why that format was used, e.g. "pg_dump not found on PATH; used the JDBC copy
 *     format"; null as {@code format}
 */
public record BackupResult(
    String manifestPath,
    String sha256,
    long sizeBytes,
    long companyRows,
    String format,
    String formatReason) {
  /** " (why)" for a transition's reason, or nothing when the result predates formats. */
  public String formatNote() {
    return formatReason == null ? "" : " (" + formatReason + ")";
  }
}
