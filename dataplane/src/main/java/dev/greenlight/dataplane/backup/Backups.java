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

  /** How long {@code pg_dump} (or a copy-format statement) may run before it is stopped. */
  public Duration dumpTimeout() {
    return dumpTimeout;
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
    return backup(runId, directory, tables, dumpTimeout);
  }

  /**
   * As {@link #backup(String, Path, List)}, with the dump stopped after {@code dumpLimit} when that
   * is shorter than the {@linkplain #dumpTimeout() dump timeout}: how an activity keeps the dump
   * inside its own timeout.
   */
  public BackupResult backup(
      String runId, Path directory, List<String> tables, Duration dumpLimit) {
    if (dumpLimit.isNegative() || dumpLimit.isZero()) {
      throw new IllegalArgumentException("dump limit must be positive but was " + dumpLimit);
    }
    ServerVersion server = jdbi.withHandle(ServerVersion::of);
    FormatChoice choice = FormatChoice.choose(policy, tools, server);
    Duration limit = dumpLimit.compareTo(dumpTimeout) < 0 ? dumpLimit : dumpTimeout;
    return new BackupWriter(jdbi, address, choice, limit)
        .backup(runId, directory, List.copyOf(tables));
  }

  /**
   * Checks the backup {@code manifestFile} describes against what the backup step recorded in
   * PostgreSQL — the manifest's SHA-256, then the dump's — and, when both match, records the backup
   * as verified for the manifest's run.
   *
   * @throws BackupChecksumMismatchException naming the file, recorded and actual digest; nothing is
   *     changed
   * @throws MissingBackupEvidenceException when no backup step recorded this backup
   * @throws BackupMissingException when the manifest or the file is gone
   */
  public VerifyResult verify(Path manifestFile) {
    long started = System.nanoTime();
    BackupEvidenceStore store = new BackupEvidenceStore(jdbi);
    BackupVerifier.Checked checked = BackupVerifier.check(manifestFile, store);
    BackupEvidence recorded = checked.recorded();
    store.markVerified(recorded.runId(), recorded.backupFile(), recorded.sha256());
    return new VerifyResult(
        recorded.runId(),
        checked.backupFile().toString(),
        recorded.sha256(),
        recorded.sizeBytes(),
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
