package dev.greenlight.referenceapi;

import dev.greenlight.dataplane.schema.PortfolioCompaniesTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The API's table {@code portfolio_companies} through Jdbi: create, change the stage, list by
 * stage. Stage values are always bound parameters, never SQL text.
 *
 * <p>Thread-safe; the {@link Jdbi} stays the caller's. Database failures surface as Jdbi's
 * unchecked exceptions.
 */
public final class Companies {
  private final Jdbi jdbi;

  public Companies(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi must not be null");
  }

  /** Creates the table when it is absent; an existing one is left as it is. */
  public void createTableIfAbsent() {
    jdbi.useHandle(handle -> handle.execute(PortfolioCompaniesTable.CREATE_IF_ABSENT));
  }

  public Company create(String name, String stage) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "INSERT INTO portfolio_companies (name, stage) VALUES (:name, :stage)"
                        + " RETURNING id, name, stage")
                .bind("name", name)
                .bind("stage", stage)
                .map((rs, ctx) -> read(rs))
                .one());
  }

  /** The company after its stage became {@code stage}, or empty when there is no such id. */
  public Optional<Company> updateStage(long id, String stage) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "UPDATE portfolio_companies SET stage = :stage WHERE id = :id"
                        + " RETURNING id, name, stage")
                .bind("id", id)
                .bind("stage", stage)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /** Up to {@code limit} companies whose stage is exactly {@code stage}, lowest id first. */
  public List<Company> listByStage(String stage, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, name, stage FROM portfolio_companies WHERE stage = :stage"
                        + " ORDER BY id LIMIT :limit")
                .bind("stage", stage)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
  }

  private static Company read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Company(rs.getLong("id"), rs.getString("name"), rs.getString("stage"));
  }
}
