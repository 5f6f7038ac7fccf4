/**
 * Backups and the proof that they restore: {@link dev.greenlight.dataplane.backup.Backups} in two
 * formats ({@link dev.greenlight.dataplane.backup.BackupFormat}: {@code pg_dump}, or the JDBC copy
 * format that needs no client tools, picked by {@link
 * dev.greenlight.dataplane.backup.BackupFormatPolicy}), the evidence table behind the migration's
 * guard ({@link dev.greenlight.dataplane.backup.BackupGuard}), and where {@code pg_dump}/{@code
 * pg_restore} come from ({@link dev.greenlight.dataplane.backup.PgTools}).
 */
package dev.greenlight.dataplane.backup;
