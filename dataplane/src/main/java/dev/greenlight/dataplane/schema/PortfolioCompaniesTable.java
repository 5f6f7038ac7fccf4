package dev.greenlight.dataplane.schema;

/**
 * The API's table {@code portfolio_companies}, the one the stage migration rewrites. It belongs to
 * the API, not to Greenlight's Flyway history ({@link Schema}), yet both the reference API and the
 * seeder create it when absent; its DDL lives here once so the two always create the same table,
 * whichever of them comes first.
 */
public final class PortfolioCompaniesTable {
  /** Creates the table when absent; an existing one, whatever its shape, is left as it is. */
  public static final String CREATE_IF_ABSENT =
      """
      CREATE TABLE IF NOT EXISTS portfolio_companies (
          id         bigserial   PRIMARY KEY,
          name       text        NOT NULL,
          stage      text,
          created_at timestamptz NOT NULL DEFAULT now()
      )""";

  private PortfolioCompaniesTable() {}
}
