package dev.greenlight.dataplane.bench;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.dataplane.seed.SeedReport;
import dev.greenlight.validator.StageNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The benchmark's databases: identical copies seeded from one seed, each dropped at the end. Not
 * thread-safe; one per benchmark run.
 */
final class BenchDatabases implements AutoCloseable {
  private final DatabaseAddress server;
  private final Jdbi admin;
  private final String suffix =
      Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  private final List<String> created = new ArrayList<>();

  BenchDatabases(DatabaseAddress server) {
    this.server = server;
    this.admin = Jdbi.create(server.toJdbcUrl());
  }

  Jdbi admin() {
    return admin;
  }

  /**
   * A new database {@code gl_bench_<role>_<suffix>} with our schema, seeded with the given rows.
   */
  Copy seededCopy(String role, long rows, long seed) {
    String name = ("gl_bench_" + role + "_" + suffix).toLowerCase(Locale.ROOT);
    admin.useHandle(h -> h.execute("CREATE DATABASE " + name));
    created.add(name);
    DatabaseAddress address = server.withDatabase(name);
    Schema.migrate(address.toJdbcUrl());
    Jdbi jdbi = Jdbi.create(address.toJdbcUrl());
    SeedReport report = new PortfolioSeeder(jdbi, StageNormalizer.defaults()).seed(rows, seed);
    // Level the field: hint bits set, statistics fresh, and no autovacuum of the table mid-timing.
    jdbi.useHandle(
        h -> {
          h.execute("ALTER TABLE portfolio_companies SET (autovacuum_enabled = false)");
          h.execute("VACUUM ANALYZE portfolio_companies");
        });
    return new Copy(name, address, jdbi, report);
  }

  /** One seeded database. */
  record Copy(String name, DatabaseAddress address, Jdbi jdbi, SeedReport seeded) {
    String checksum() {
      return jdbi.withHandle(
          h ->
              h.createQuery(
                      "SELECT md5(string_agg(id || ':' || coalesce(quote_literal(stage), 'NULL'),"
                          + " ',' ORDER BY id)) FROM portfolio_companies")
                  .mapTo(String.class)
                  .one());
    }
  }

  /** Drops these copies now, to keep the disk the benchmark needs to one round's worth. */
  void drop(Copy... copies) {
    for (Copy copy : copies) {
      admin.useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + copy.name() + " WITH (FORCE)"));
      created.remove(copy.name());
    }
  }

  void checkpoint() {
    admin.useHandle(h -> h.execute("CHECKPOINT"));
  }

  @Override
  public void close() {
    for (String name : created) {
      admin.useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }
  }
}
