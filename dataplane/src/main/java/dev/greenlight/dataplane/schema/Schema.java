package dev.greenlight.dataplane.schema;

import dev.greenlight.dataplane.DataPlaneException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The data plane's own tables ({@code stage_migration_control}, {@code stage_normalization_log},
 * {@code mode_change_audit}, {@code rollout_backup_evidence}), brought up to date by the versioned
 * Flyway migrations in {@code db/migration}.
 *
 * <p>Our history lives in {@value #HISTORY_TABLE}, not Flyway's default table, because these tables
 * share a database with the API's {@code portfolio_companies}, whose owners may run Flyway of their
 * own. A database that already holds tables is baselined at version 0, so our migrations still all
 * run. Safe to call from several processes at once: Flyway serializes them with an advisory lock.
 */
public final class Schema {
  /** The table recording which of our migrations ran. */
  public static final String HISTORY_TABLE = "greenlight_schema_history";

  private Schema() {}

  /** Applies pending migrations through {@code dataSource}; the caller keeps ownership of it. */
  public static SchemaResult migrate(DataSource dataSource) {
    return run(Flyway.configure().dataSource(dataSource));
  }

  /** Applies pending migrations to the database {@code jdbcUrl} names (credentials in the URL). */
  public static SchemaResult migrate(String jdbcUrl) {
    return run(Flyway.configure().dataSource(jdbcUrl, null, null));
  }

  private static SchemaResult run(org.flywaydb.core.api.configuration.FluentConfiguration config) {
    Flyway flyway =
        config
            .locations("classpath:db/migration")
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    try {
      MigrateResult result = flyway.migrate();
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : flyway.info().current() == null
                  ? null
                  : flyway.info().current().getVersion().getVersion();
      return new SchemaResult(version, result.migrationsExecuted);
    } catch (FlywayException e) {
      throw new DataPlaneException("schema migration failed: " + e.getMessage(), e);
    }
  }
}
