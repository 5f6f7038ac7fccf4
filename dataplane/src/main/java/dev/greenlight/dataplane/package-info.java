/**
 * The data plane of a rollout: everything that touches the API's PostgreSQL database, as a plain
 * Java API that Temporal activities and the CLI call.
 *
 * <ul>
 *   <li>{@link dev.greenlight.dataplane.schema.Schema} — our tables, by versioned Flyway
 *       migrations.
 *   <li>{@link dev.greenlight.dataplane.seed.PortfolioSeeder} — a deterministic, realistic {@code
 *       portfolio_companies} for tests, rehearsals and benchmarks.
 *   <li>{@link dev.greenlight.dataplane.backup.Backups} — pg_dump backup with a manifest, checksum
 *       verification and a timed restore test, each recorded as evidence for the run.
 *   <li>{@link dev.greenlight.dataplane.migration.StageMigration} — dry run, the batched and
 *       resumable rewrite of {@code stage} with the shared normalizer, and the distinct-stage
 *       check; apply is refused without the run's proven backup (DESIGN.md invariant 5).
 * </ul>
 *
 * <p>Every failure is a {@link dev.greenlight.dataplane.DataPlaneException}, subclassed by what
 * happened. Every result is a plain record that serializes with Jackson as it is.
 */
package dev.greenlight.dataplane;
