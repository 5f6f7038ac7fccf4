/**
 * The stage migration: {@link dev.greenlight.dataplane.migration.StageMigration} and its results.
 *
 * <p>Decisions worth knowing before reading the code:
 *
 * <ul>
 *   <li><b>One transaction per batch</b> holds the batch's row rewrites, its log rows and the
 *       checkpoint advance (DESIGN.md invariant 4); the checkpoint advance is conditional on the
 *       checkpoint being where the batch started, and a session advisory lock keeps a second worker
 *       off a running run.
 *   <li><b>NULL stage</b> means "no stage recorded": apply leaves it alone and does not log it, and
 *       {@code verifyDistinct} accepts it unless asked not to. Blank strings and junk are
 *       unmappable: left unchanged, logged with {@code normalized_stage} NULL <b>once per run</b>
 *       (a resume from an earlier id does not log them again), and rejected by {@code
 *       verifyDistinct}.
 *   <li><b>Locking</b>: the set-based {@code UPDATE} takes each rewritten row's lock itself and
 *       matches on the row's current value; rows it does not rewrite are not locked (see {@code
 *       BatchTransaction}).
 *   <li><b>Retries</b>: lock timeouts (55P03, with {@code SET LOCAL lock_timeout}), serialization
 *       failures (40001) and deadlocks (40P01) retry the batch with jittered exponential backoff; a
 *       lock timeout also halves the batch. Anything else fails the call with the checkpoint
 *       intact.
 * </ul>
 */
package dev.greenlight.dataplane.migration;
