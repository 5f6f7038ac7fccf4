package dev.greenlight.e2e;

import org.jdbi.v3.core.Jdbi;

/**
 * A fault the suite injects into the API's database, on loopback and removable: a trigger that
 * refuses a share of the inserts into {@code portfolio_companies}, so {@code POST /companies}
 * answers 503 for them — an error spike the enforce-error alert sees, while reads, updates,
 * validation and the worker's own tables go on working.
 */
final class DatabaseFault implements AutoCloseable {
  private final Jdbi jdbi;

  private DatabaseFault(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Refuses about {@code share} (0–1) of the inserts from now on, until closed. */
  static DatabaseFault refuseInserts(Jdbi jdbi, double share) {
    jdbi.useHandle(
        h -> {
          h.execute(
              """
              CREATE OR REPLACE FUNCTION e2e_refuse_insert() RETURNS trigger AS $$
              BEGIN
                IF random() < %s THEN
                  RAISE EXCEPTION 'e2e fault: insert refused';
                END IF;
                RETURN NEW;
              END $$ LANGUAGE plpgsql"""
                  .formatted(share));
          h.execute(
              "CREATE TRIGGER e2e_refuse_insert BEFORE INSERT ON portfolio_companies"
                  + " FOR EACH ROW EXECUTE FUNCTION e2e_refuse_insert()");
        });
    return new DatabaseFault(jdbi);
  }

  @Override
  public void close() {
    jdbi.useHandle(
        h -> h.execute("DROP TRIGGER IF EXISTS e2e_refuse_insert ON portfolio_companies"));
  }
}
