package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.StageNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * What the migration must have done to {@code portfolio_companies}, checked against a snapshot of
 * the seeded rows taken before the rollout: each final stage is {@link StageNormalizer}'s answer
 * for the original value (unchanged when it has none), and {@code stage_normalization_log} holds
 * exactly one row per changed company, naming its old and new value.
 *
 * <p>The API's own rows are checked too, without a snapshot: none may keep a spelling the
 * normalizer would change, and none may be logged as changed twice.
 */
final class CompanyData {
  private static final StageNormalizer NORMALIZER = StageNormalizer.defaults();

  private final Jdbi jdbi;
  private final Map<Long, String> seeded;

  private CompanyData(Jdbi jdbi, Map<Long, String> seeded) {
    this.jdbi = jdbi;
    this.seeded = seeded;
  }

  /** Every row as it is now: take it before the API or the migration writes anything. */
  static CompanyData snapshot(Jdbi jdbi) {
    Map<Long, String> rows = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, stage FROM portfolio_companies")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), nullable(rs.getString("stage"))))
                .forEach(e -> rows.put(e.getKey(), e.getValue().orElse(null))));
    return new CompanyData(jdbi, rows);
  }

  private static java.util.Optional<String> nullable(String value) {
    return java.util.Optional.ofNullable(value);
  }

  static String expected(String original) {
    String canonical = NORMALIZER.normalizeToWireName(original);
    return canonical == null ? original : canonical;
  }

  /** How many seeded rows the migration must change. */
  long rowsToChange() {
    return seeded.values().stream().filter(v -> v != null && !v.equals(expected(v))).count();
  }

  /** Asserts the migration's end state; returns the number of changed seeded rows. */
  long assertMigrated() {
    Map<Long, String> now = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, stage FROM portfolio_companies")
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("stage")})
                .forEach(r -> now.put((Long) r[0], (String) r[1])));
    List<String> wrong = new ArrayList<>();
    Set<Long> changed = new TreeSet<>();
    seeded.forEach(
        (id, original) -> {
          String want = original == null ? null : expected(original);
          if (!Objects.equals(want, now.get(id))) {
            wrong.add(
                id + ": '" + original + "' became '" + now.get(id) + "', want '" + want + "'");
          }
          if (original != null && !original.equals(want)) {
            changed.add(id);
          }
        });
    assertTrue(wrong.isEmpty(), wrong.size() + " seeded rows wrong, e.g. " + head(wrong));
    List<String> stillMappable = new ArrayList<>();
    now.forEach(
        (id, stage) -> {
          if (stage != null && !stage.equals(expected(stage))) {
            stillMappable.add(id + ": '" + stage + "'");
          }
        });
    assertTrue(
        stillMappable.isEmpty(),
        stillMappable.size() + " rows keep a non-canonical spelling, e.g. " + head(stillMappable));

    Map<Long, List<String[]>> log = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT company_id, old_stage, normalized_stage FROM stage_normalization_log"
                        + " WHERE normalized_stage IS NOT NULL")
                .map(
                    (rs, ctx) ->
                        Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}))
                .forEach(
                    e ->
                        log.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    List<String> duplicated = new ArrayList<>();
    log.forEach(
        (id, rows) -> {
          if (rows.size() != 1) {
            duplicated.add(id + " x" + rows.size());
          }
        });
    assertTrue(duplicated.isEmpty(), "companies logged more than once: " + head(duplicated));
    Set<Long> loggedSeeded = new TreeSet<>(log.keySet());
    loggedSeeded.retainAll(seeded.keySet());
    assertEquals(changed, loggedSeeded, "log rows must name exactly the changed seeded companies");
    for (Long id : changed) {
      String[] row = log.get(id).get(0);
      assertEquals(seeded.get(id), row[0], "old_stage of company " + id);
      assertEquals(expected(seeded.get(id)), row[1], "normalized_stage of company " + id);
    }
    return changed.size();
  }

  private static String head(List<String> items) {
    return items.subList(0, Math.min(5, items.size())).toString();
  }
}
