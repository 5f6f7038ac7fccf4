package dev.greenlight.referenceapi;

import dev.greenlight.dataplane.schema.PortfolioCompaniesTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

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
    return companies(
        "INSERT INTO portfolio_companies (name, stage) VALUES (:name, :stage)"
            + " RETURNING id, name, stage",
        query -> query.bind("name", name).bind("stage", stage),
        ResultIterable::one);
  }

  /** The company after its stage became {@code stage}, or empty when there is no such id. */
  public Optional<Company> updateStage(long id, String stage) {
    return companies(
        "UPDATE portfolio_companies SET stage = :stage WHERE id = :id RETURNING id, name, stage",
        query -> query.bind("id", id).bind("stage", stage),
        ResultIterable::findOne);
  }

  /** Up to {@code limit} companies whose stage is exactly {@code stage}, lowest id first. */
  public List<Company> listByStage(String stage, int limit) {
    return companies(
        "SELECT id, name, stage FROM portfolio_companies WHERE stage = :stage"
            + " ORDER BY id LIMIT :limit",
        query -> query.bind("stage", stage).bind("limit", limit),
        ResultIterable::list);
  }

  /**
   * Runs {@code sql}, which answers rows of {@code id, name, stage}, with the values {@code bind}
   * sets, and takes from the companies read what {@code take} asks for (one, at most one, all).
   */
  private <R> R companies(
      String sql, UnaryOperator<Query> bind, Function<ResultIterable<Company>, R> take) {
    return jdbi.withHandle(
        handle -> take.apply(bind.apply(handle.createQuery(sql)).map(Companies::read)));
  }

  private static Company read(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Company(rs.getLong("id"), rs.getString("name"), rs.getString("stage"));
  }
}
