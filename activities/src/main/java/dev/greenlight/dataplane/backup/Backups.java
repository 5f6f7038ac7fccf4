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
 * <p>New backups are taken in the format the {@link BackupFormatPolicy} picks ({@code pg_dump}
 * unless told otherwise); verify and restore test read the format from the manifest, so a worker
 * restore-tests whatever format a backup was taken in.
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
  private final BackupFormatPolicy policy;
  private final Duration dumpTimeout;

  /** Backups in the {@code pg_dump} format, the production default. */
  public Backups(Jdbi jdbi, DatabaseAddress address, PgTools tools) {
    this(jdbi, address, tools, BackupFormatPolicy.PG_DUMP);
  }

  public Backups(Jdbi jdbi, DatabaseAddress address, PgTools tools, BackupFormatPolicy policy) {
    this(jdbi, address, tools, policy, DEFAULT_DUMP_TIMEOUT);
  }

  public Backups(
      Jdbi jdbi,
      DatabaseAddress address,
      PgTools tools,
      BackupFormatPolicy policy,
      Duration dumpTimeout) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.address = Objects.requireNonNull(address, "address");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (dumpTimeout.isNegative() || dumpTimeout.isZero()) {
      throw new IllegalArgumentException("dump timeout must be positive but was " + dumpTimeout);
    }
    this.dumpTimeout = dumpTimeout;
  }

  /** The same backups with new ones taken as {@code newPolicy} says. */
  public Backups withPolicy(BackupFormatPolicy newPolicy) {
    return new Backups(jdbi, address, tools, newPolicy, dumpTimeout);
  }

  public BackupFormatPolicy policy() {
    return policy;
  }

  /**
   * Backs up {@code tables} (empty: the whole database) into {@code directory} in the format the
   * policy picks, writes the manifest beside it and records the backup for {@code runId}. The
   * result says which format was used and why.
   *
   * @throws PgToolMissingException or {@link PgToolTooOldException} when the policy is {@code
   *     pg_dump} and pg_dump is unusable
   * @throws BackupFailedException when the backup fails; no backup file or manifest is left behind
   */
  public BackupResult backup(String runId, Path directory, List<String> tables) {
    ServerVersion server = jdbi.withHandle(ServerVersion::of);
    FormatChoice choice = FormatChoice.choose(policy, tools, server);
    return new BackupWriter(jdbi, address, choice, dumpTimeout)
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
   * Restores the backup into a new scratch database — with {@code pg_restore} or, for the copy
   * format, over JDBC — checks row counts, the stage column and the distinct stage count against
   * the manifest, drops the scratch database and records the pass.
   *
   * @throws BackupChecksumMismatchException before creating anything when the file was altered
   * @throws RestoreTestFailedException saying why, when pg_restore or a smoke query fails or the
   *     test takes longer than {@code limit}; an earlier pass for this file is withdrawn
   * @throws PgToolMissingException when a {@code pg_dump} backup is to be tested and pg_restore is
   *     unusable; nothing is created
   */
  public RestoreTestResult restoreTest(Path manifestFile, Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("restore test limit must be positive but was " + limit);
    }
    return new RestoreTester(jdbi, address, tools).test(manifestFile, limit);
  }
}
