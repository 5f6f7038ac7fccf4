package dev.greenlight.dataplane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private static TestDatabase db;

  @BeforeAll
  static void create() {
    // A database that already holds the API's table, as production does.
    db = TestDatabase.createEmpty("gl_schema");
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE portfolio_companies (id bigserial PRIMARY KEY, stage text)"));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void migratesANonEmptyDatabaseOnceThenIsANoOp() {
    SchemaResult first = Schema.migrate(db.url());
    SchemaResult second = Schema.migrate(db.url());

    assertEquals(5, first.migrationsExecuted());
    assertEquals("5", first.version());
    assertEquals(0, second.migrationsExecuted());
    assertEquals("5", second.version());
    List<String> tables =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT table_name FROM information_schema.tables"
                                + " WHERE table_schema = 'public' ORDER BY 1")
                        .mapTo(String.class)
                        .list());
    assertTrue(
        tables.containsAll(
            List.of(
                "stage_migration_control",
                "stage_normalization_log",
                "mode_change_audit",
                "rollout_backup_evidence",
                Schema.HISTORY_TABLE)),
        tables.toString());
    assertTrue(!tables.contains("flyway_schema_history"), "the API's own Flyway table stays free");
  }

  @Test
  void modeAuditAcceptsOneRowPerSurfaceVersionAndRefusesInvalidModes() {
    Schema.migrate(db.url());
    String insert =
        "INSERT INTO mode_change_audit (surface, old_mode, new_mode, old_percent, new_percent,"
            + " version, changed_by, reason) VALUES ('stage', :old, :new, 0, :pct, :v, 'rm', 'test')";
    audit(insert, "off", "warn", 0, 1);

    assertThrows(
        UnableToExecuteStatementException.class,
        () -> audit(insert, "warn", "enforce", 10, 1),
        "version 1 of surface 'stage' exists already");
    assertThrows(
        UnableToExecuteStatementException.class,
        () -> audit(insert, "warn", "block", 10, 2),
        "'block' is not a mode");
    assertThrows(
        UnableToExecuteStatementException.class,
        () -> audit(insert, "warn", "enforce", 120, 2),
        "120 is not a percentage");
    assertEquals(1, db.count("mode_change_audit"));
  }

  /**
   * Runs {@code insert}, an audit row from {@code old} to {@code now} at {@code pct}, version v.
   */
  private static void audit(String insert, String old, String now, int pct, int version) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(insert)
                    .bind("old", old)
                    .bind("new", now)
                    .bind("pct", pct)
                    .bind("v", version)
                    .execute());
  }
}
