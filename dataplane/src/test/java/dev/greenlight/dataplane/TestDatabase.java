package dev.greenlight.dataplane;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh database on the shared test server, with the data plane's schema applied; closing it
 * drops it. Tests use one per class (or per case, when a case needs pristine data).
 */
public record TestDatabase(String url, DatabaseAddress address, Jdbi jdbi)
    implements AutoCloseable {
  private static TestDatabase at(String url) {
    return new TestDatabase(url, DatabaseAddress.fromJdbcUrl(url), Jdbi.create(url));
  }

  /** A new database named {@code prefix_…} with our migrations applied. */
  public static TestDatabase create(String prefix) {
    TestDatabase db = at(TestServices.postgres().createDatabase(prefix));
    Schema.migrate(db.url);
    return db;
  }

  /**
   * A new database named {@code prefix_…} with our migrations applied and {@code rows} companies
   * seeded from {@code seed}, so equal arguments give equal data.
   */
  public static TestDatabase seeded(String prefix, long rows, long seed) {
    TestDatabase db = create(prefix);
    new PortfolioSeeder(db.jdbi(), StageNormalizer.defaults()).seed(rows, seed);
    return db;
  }

  /** A new database named {@code prefix_…} without our schema. */
  public static TestDatabase createEmpty(String prefix) {
    return at(TestServices.postgres().createDatabase(prefix));
  }

  public String name() {
    return address.database();
  }

  /** An MD5 over every (id, stage) of portfolio_companies in id order: equal means equal data. */
  public String companiesChecksum() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT md5(coalesce(string_agg(id || ':' || coalesce(quote_literal(stage),"
                        + " 'NULL'), ',' ORDER BY id), '')) FROM portfolio_companies")
                .mapTo(String.class)
                .one());
  }

  /** An MD5 over every (company, old stage, normalized stage) of the normalization log. */
  public String logChecksum() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT md5(coalesce(string_agg(company_id || ':' || coalesce(quote_literal("
                        + "old_stage), 'NULL') || '>' || coalesce(normalized_stage, 'NULL'), ','"
                        + " ORDER BY company_id), '')) FROM stage_normalization_log")
                .mapTo(String.class)
                .one());
  }

  public long count(String sqlFromWhere) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + sqlFromWhere).mapTo(Long.class).one());
  }

  /**
   * Like {@link #count(String)}, with {@code value} bound to {@code :v}: for values that must not
   * be spliced into SQL (quotes, comments, SQL-looking text).
   */
  public long count(String sqlFromWhere, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM " + sqlFromWhere)
                .bind("v", value)
                .mapTo(Long.class)
                .one());
  }

  /**
   * Backups of this database in the copy format, looking for client tools only in {@code
   * emptyToolDirectory}: what they take and restore comes over JDBC alone.
   */
  public Backups copyBackups(Path emptyToolDirectory) {
    return new Backups(
        jdbi, address, PgTools.inDirectory(emptyToolDirectory), BackupFormatPolicy.COPY);
  }

  @Override
  public void close() {
    TestServices.postgres().dropDatabase(name());
  }
}
