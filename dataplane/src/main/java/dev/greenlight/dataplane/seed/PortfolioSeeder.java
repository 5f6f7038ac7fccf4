package dev.greenlight.dataplane.seed;

import dev.greenlight.dataplane.CopyText;
import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.schema.PortfolioCompaniesTable;
import dev.greenlight.validator.StageNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
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
 * identical copies. A table the seeder creates, or fills from empty when it has no comment, gets
 * {@link #SEEDED_MARKER} as its table comment: that is how {@code greenlight seed} tells its own
 * test rows from someone's data ({@link #inspect}). Rows stream through {@code COPY … FROM STDIN}
 * in one transaction: a million rows take seconds and constant memory. Thread-safe; the {@link
 * Jdbi} stays the caller's.
 */
public final class PortfolioSeeder {
  /** The table comment that marks {@code portfolio_companies} as holding the seeder's rows. */
  public static final String SEEDED_MARKER = "greenlight seed: test rows, never production data";

  /**
   * The stage values among the seeded junk that look like SQL injection, for tests that check such
   * values stay data through preview, migration and reports.
   */
  public static final List<String> SQL_LOOKING_STAGES = StageSampler.SQL_LOOKING;

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
    jdbi.useTransaction(h -> createAndMark(h, inspect(h)));
  }

  /** What {@code portfolio_companies} holds now; reads only. */
  public SeedTarget inspect() {
    return jdbi.withHandle(PortfolioSeeder::inspect);
  }

  private static SeedTarget inspect(Handle h) {
    boolean exists =
        h.createQuery("SELECT to_regclass('portfolio_companies') IS NOT NULL")
            .mapTo(Boolean.class)
            .one();
    if (!exists) {
      return new SeedTarget(false, null, 0);
    }
    String comment =
        h.createQuery("SELECT obj_description('portfolio_companies'::regclass, 'pg_class')")
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    long rows =
        h.createQuery("SELECT count(*) FROM (SELECT 1 FROM portfolio_companies LIMIT :cap) t")
            .bind("cap", SeedTarget.COUNT_CAP)
            .mapTo(Long.class)
            .one();
    return new SeedTarget(true, comment, rows);
  }

  /** Creates the table if absent and marks it as seeded when it is new, or empty and unmarked. */
  private static void createAndMark(Handle h, SeedTarget before) {
    h.execute(PortfolioCompaniesTable.CREATE_IF_ABSENT);
    boolean emptyAndUnmarked = before.exists() && before.rows() == 0 && before.comment() == null;
    if (!before.exists() || (emptyAndUnmarked && ownsTable(h))) {
      h.execute("COMMENT ON TABLE portfolio_companies IS '" + SEEDED_MARKER + "'");
    }
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

  /** Only the owner may comment on a table: another role's empty table stays unmarked. */
  private static boolean ownsTable(Handle h) {
    return h.createQuery(
            "SELECT pg_has_role(relowner, 'MEMBER') FROM pg_class"
                + " WHERE oid = 'portfolio_companies'::regclass")
        .mapTo(Boolean.class)
        .one();
  }

  private SeedReport copyRows(Handle handle, long rows, long seed, long started)
      throws SQLException, IOException {
    createAndMark(handle, inspect(handle));
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
