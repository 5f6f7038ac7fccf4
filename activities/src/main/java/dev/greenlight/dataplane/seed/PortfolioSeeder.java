package dev.greenlight.dataplane.seed;

import dev.greenlight.dataplane.CopyText;
import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.validator.StageNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A fixture that creates the API's {@code portfolio_companies} table when absent and appends rows
 * with a realistic, deterministic mix of {@code stage} values — for tests, rehearsals and
 * benchmarks, never production.
 *
 * <p>The same seed always writes the same names and stages, so two databases seeded alike are
 * identical copies. Rows stream through {@code COPY … FROM STDIN} in one transaction: a million
 * rows take seconds and constant memory. Thread-safe; the {@link Jdbi} stays the caller's.
 */
public final class PortfolioSeeder {
  static final String CREATE_TABLE =
      """
      CREATE TABLE IF NOT EXISTS portfolio_companies (
          id         bigserial   PRIMARY KEY,
          name       text        NOT NULL,
          stage      text,
          created_at timestamptz NOT NULL DEFAULT now()
      )""";

  private static final String[] NAME_HEADS = {
    "Acme", "Blue", "Nova", "Quartz", "Helio", "Juniper", "Orbit", "Lumen", "Kestrel", "Tundra"
  };
  private static final String[] NAME_TAILS = {
    "Labs", "Systems", "AI", "Bio", "Robotics", "Health", "Energy", "Pay", "Logistics", "Cloud"
  };

  private final Jdbi jdbi;
  private final StageNormalizer normalizer;

  public PortfolioSeeder(Jdbi jdbi, StageNormalizer normalizer) {
    this.jdbi = jdbi;
    this.normalizer = normalizer;
  }

  /** Creates an empty {@code portfolio_companies} when there is none; leaves an existing one be. */
  public void createTableIfAbsent() {
    jdbi.useHandle(h -> h.execute(CREATE_TABLE));
  }

  /**
   * Appends {@code rows} companies generated from {@code seed} and reports the mix.
   *
   * @throws IllegalArgumentException when {@code rows} is negative
   * @throws DataPlaneException when the table cannot be created or the copy fails
   */
  public SeedReport seed(long rows, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 or more but was " + rows);
    }
    long started = System.nanoTime();
    return jdbi.inTransaction(
        handle -> {
          try {
            return copyRows(handle, rows, seed, started);
          } catch (SQLException | IOException e) {
            throw new DataPlaneException("seeding " + rows + " rows failed: " + e.getMessage(), e);
          }
        });
  }

  private SeedReport copyRows(Handle handle, long rows, long seed, long started)
      throws SQLException, IOException {
    handle.execute(CREATE_TABLE);
    long idBefore =
        handle
            .createQuery("SELECT coalesce(max(id), 0) FROM portfolio_companies")
            .mapTo(Long.class)
            .one();
    Tally tally = new Tally();
    PGConnection pg = handle.getConnection().unwrap(PGConnection.class);
    SplittableRandom random = new SplittableRandom(seed);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(
                    pg, "COPY portfolio_companies (name, stage) FROM STDIN", 1 << 16),
                StandardCharsets.UTF_8),
            1 << 16)) {
      for (long i = 0; i < rows; i++) {
        String name =
            NAME_HEADS[random.nextInt(NAME_HEADS.length)]
                + ' '
                + NAME_TAILS[random.nextInt(NAME_TAILS.length)]
                + ' '
                + (i + 1);
        StageSampler.Sample sample = StageSampler.next(random);
        tally.add(sample);
        out.write(CopyText.field(name));
        out.write('\t');
        out.write(CopyText.field(sample.value()));
        out.write('\n');
      }
    }
    handle.execute("ANALYZE portfolio_companies");
    Range ids =
        handle
            .createQuery(
                "SELECT coalesce(min(id), 0) AS first, coalesce(max(id), 0) AS last"
                    + " FROM portfolio_companies WHERE id > :before")
            .bind("before", idBefore)
            .map((rs, ctx) -> new Range(rs.getLong("first"), rs.getLong("last")))
            .one();
    return new SeedReport(
        seed,
        rows,
        ids.first(),
        ids.last(),
        tally.byCategory,
        tally.canonical,
        tally.toChange,
        tally.unmappable,
        tally.nulls,
        tally.distinct.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private record Range(long first, long last) {}

  /** Counts as rows are written, so the report needs no second pass over the table. */
  private final class Tally {
    final Map<SeedCategory, Long> byCategory = new EnumMap<>(SeedCategory.class);
    final Set<String> distinct = new HashSet<>();
    long canonical;
    long toChange;
    long unmappable;
    long nulls;

    void add(StageSampler.Sample sample) {
      byCategory.merge(sample.category(), 1L, Long::sum);
      String value = sample.value();
      distinct.add(value == null ? "\u0000null" : value);
      if (value == null) {
        nulls++;
        return;
      }
      String normalized = normalizer.normalizeToWireName(value);
      if (normalized == null) {
        unmappable++;
      } else if (normalized.equals(value)) {
        canonical++;
      } else {
        toChange++;
      }
    }
  }
}
