package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DatabaseAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Backups of the database a rollout is about to rewrite, and the proof that they are good: take
 * ({@link #backup}), check ({@link #verify}) and restore into a scratch database ({@link
 * #restoreTest}). Each records its outcome for the run in {@code rollout_backup_evidence}, which
 * the stage migration's guard reads (DESIGN.md invariant 5).
 *
 * <p>{@code jdbi} and {@code address} must name the same database: the Jdbi runs queries, the
 * address is what {@code pg_dump}/{@code pg_restore} connect to (parse it from the JDBC URL with
 * {@link DatabaseAddress#fromJdbcUrl}). The user must be allowed to create databases for the
 * restore test. Thread-safe; the Jdbi stays the caller's. Long calls block the calling thread; they
 * are meant to run inside an activity with a generous start-to-close timeout.
 */
public final class Backups {
  /** How long a restore test may take unless told otherwise (the runbook's "&lt; 5 min"). */
  public static final Duration DEFAULT_RESTORE_LIMIT = Duration.ofMinutes(5);

  /** How long {@code pg_dump} may run before it is killed. */
  public static final Duration DEFAULT_DUMP_TIMEOUT = Duration.ofHours(2);

  private final Jdbi jdbi;
  private final DatabaseAddress address;
  private final PgTools tools;
  private final Duration dumpTimeout;

  public Backups(Jdbi jdbi, DatabaseAddress address, PgTools tools) {
    this(jdbi, address, tools, DEFAULT_DUMP_TIMEOUT);
  }

  public Backups(Jdbi jdbi, DatabaseAddress address, PgTools tools, Duration dumpTimeout) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.address = Objects.requireNonNull(address, "address");
    this.tools = Objects.requireNonNull(tools, "tools");
    if (dumpTimeout.isNegative() || dumpTimeout.isZero()) {
      throw new IllegalArgumentException("dump timeout must be positive but was " + dumpTimeout);
    }
    this.dumpTimeout = dumpTimeout;
  }

  /**
   * Dumps {@code tables} (empty: the whole database) with {@code pg_dump -Fc} into {@code
   * directory}, writes the manifest beside it and records the backup for {@code runId}.
   *
   * @throws PgToolMissingException or {@link PgToolTooOldException} when pg_dump is unusable
   * @throws BackupFailedException when pg_dump fails; no dump or manifest is left behind
   */
  public BackupResult backup(String runId, Path directory, List<String> tables) {
    return new BackupWriter(jdbi, address, tools, dumpTimeout)
        .backup(runId, directory, List.copyOf(tables));
  }

  /**
   * Recomputes the SHA-256 of the backup {@code manifestFile} describes and, when it matches,
   * records the backup as verified for the manifest's run.
   *
   * @throws BackupChecksumMismatchException naming the file, expected and actual digest; nothing is
   *     changed
   * @throws BackupMissingException when the manifest or the file is gone
   */
  public VerifyResult verify(Path manifestFile) {
    long started = System.nanoTime();
    BackupVerifier.Checked checked = BackupVerifier.check(manifestFile);
    BackupManifest manifest = checked.manifest();
    new BackupEvidenceStore(jdbi)
        .recordVerified(
            manifest.runId(),
            checked.manifestFile().toString(),
            manifest,
            checked.backupFile().toString());
    return new VerifyResult(
        manifest.runId(),
        checked.backupFile().toString(),
        manifest.sha256(),
        manifest.sizeBytes(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * {@link #restoreTest(Path, Duration)} with the {@linkplain #DEFAULT_RESTORE_LIMIT default
   * limit}.
   */
  public RestoreTestResult restoreTest(Path manifestFile) {
    return restoreTest(manifestFile, DEFAULT_RESTORE_LIMIT);
  }

  /**
   * Restores the backup into a new scratch database, checks row counts, the stage column and the
   * distinct stage count against the manifest, drops the scratch database and records the pass.
   *
   * @throws BackupChecksumMismatchException before creating anything when the file was altered
   * @throws RestoreTestFailedException saying why, when pg_restore or a smoke query fails or the
   *     test takes longer than {@code limit}; an earlier pass for this file is withdrawn
   */
  public RestoreTestResult restoreTest(Path manifestFile, Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("restore test limit must be positive but was " + limit);
    }
    return new RestoreTester(jdbi, address, tools).test(manifestFile, limit);
  }
}
