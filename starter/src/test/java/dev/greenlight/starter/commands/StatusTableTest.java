package dev.greenlight.starter.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.rollout.NotificationCounts;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.validator.ValidationMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code status} shows what an approval is about: the data steps' evidence, as the workflow's
 * status query carries it on day 5, in the table and in the JSON.
 */
class StatusTableTest {
  private static final long T = 1_767_000_000_000L;

  @Test
  void aPendingMigrationApprovalShowsTheDryRunTheTopValuesTheBackupAndItsRestoreTest()
      throws Exception {
    DryRunResult dryRun =
        new DryRunResult(
            3000,
            445,
            42,
            inOrder(
                Map.entry("Series A → series-a", 40L),
                Map.entry("seed round → seed", 310L),
                Map.entry("PreSeed → pre-seed", 95L)),
            inOrder(Map.entry("tbd", 12L), Map.entry(" ", 30L)));
    RolloutStatus status =
        status(
            List.of("migration"),
            dryRun,
            null,
            Map.of(),
            "/var/backups/greenlight/attempt-7-20260101T100000Z.manifest.json",
            List.of(
                transition("backup verified and restored in 272ms (3000 rows)"),
                transition("dry run: 445 of 3000 rows would change, 42 unmappable"),
                transition("waiting for approval of migration: review the dry run")));

    String table = print(status);

    assertTrue(table.contains("  migration            review the dry run"), table);
    assertTrue(
        table.contains("dry run            445 of 3000 rows would change, 42 unmappable"), table);
    int seed = table.indexOf("seed round → seed: 310 rows");
    int preSeed = table.indexOf("PreSeed → pre-seed: 95 rows");
    int seriesA = table.indexOf("Series A → series-a: 40 rows");
    assertTrue(seed > 0 && seed < preSeed && preSeed < seriesA, "largest first:\n" + table);
    assertTrue(table.contains("top unmappable     ' ': 30 rows"), table);
    assertTrue(table.contains("'tbd': 12 rows"), table);
    assertTrue(table.contains("backup             attempt-7-20260101T100000Z"), table);
    assertTrue(table.contains("restore test       272 ms, 3000 rows restored"), table);

    JsonNode approval = StatusJson.of(status).get("approvals").get(0);
    assertEquals("migration", approval.get("step").asText());
    assertEquals("review the dry run", approval.get("why").asText());
    assertEquals(
        "seed round → seed: 310 rows", approval.get("details").get("top rewrites").get(0).asText());
    assertEquals(
        "272 ms, 3000 rows restored", approval.get("details").get("restore test").asText());
  }

  @Test
  void aPendingDistinctStagesApprovalShowsWhatApplyLeftLargestFirst() {
    RolloutStatus status =
        status(
            List.of("distinct-stages"),
            null,
            new MigrationResult(3000, 445, 42, 3000),
            inOrder(Map.entry("tbd", 12L), Map.entry("growth-ish", 30L)),
            null,
            List.of(
                transition(
                    "waiting for approval of distinct-stages: 2 non-canonical values remain")));

    String table = print(status);

    assertTrue(table.contains("2 non-canonical values remain"), table);
    assertTrue(table.contains("applied            445 rows updated, 42 unmappable left"), table);
    assertTrue(table.indexOf("'growth-ish': 30 rows") < table.indexOf("'tbd': 12 rows"), table);
  }

  @Test
  void notificationsShowOnlyOnceSentAndAFailureForGoodNamesItsCause() {
    RolloutStatus quiet = status(List.of(), null, null, Map.of(), null, List.of());
    assertFalse(print(quiet).contains("notifications"), print(quiet));

    RolloutStatus failing =
        withNotifications(
            quiet,
            new NotificationCounts(
                5, 3, 1, "slack-releases: rollout-x/promoted-2 answered 500 five times"));

    String table = print(failing);
    assertTrue(
        table.contains(
            "notifications          5 sent, 3 delivered, 1 failed for good, 1 being tried"),
        table);
    assertTrue(
        table.contains("  last failure         slack-releases: rollout-x/promoted-2 answered 500"),
        table);
    JsonNode json = StatusJson.of(failing).get("notifications");
    assertEquals(1, json.get("failed").asLong());
    assertEquals(
        "slack-releases: rollout-x/promoted-2 answered 500 five times",
        json.get("lastFailure").asText());
  }

  private static RolloutStatus withNotifications(RolloutStatus s, NotificationCounts counts) {
    var components = RolloutStatus.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] =
            components[i].getName().equals("notifications")
                ? counts
                : components[i].getAccessor().invoke(s);
      }
      return RolloutStatus.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The counts in the order given, not largest first: the table must sort them itself. */
  @SafeVarargs
  private static Map<String, Long> inOrder(Map.Entry<String, Long>... counts) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (Map.Entry<String, Long> c : counts) {
      map.put(c.getKey(), c.getValue());
    }
    return map;
  }

  private static String print(RolloutStatus status) {
    StringWriter text = new StringWriter();
    StatusTable.print(new PrintWriter(text), "rollout-x", status);
    return text.toString();
  }

  private static Transition transition(String reason) {
    return new Transition(T, Phase.NORMALIZE, ValidationMode.WARN, 0, reason);
  }

  private static RolloutStatus status(
      List<String> approvals,
      DryRunResult dryRun,
      MigrationResult migration,
      Map<String, Long> offending,
      String manifest,
      List<Transition> transitions) {
    return new RolloutStatus(
        "x",
        Phase.NORMALIZE,
        ValidationMode.WARN,
        0,
        0,
        T,
        T,
        T,
        false,
        null,
        approvals,
        List.of(),
        0,
        0,
        0,
        0,
        false,
        null,
        0,
        0,
        0,
        dryRun,
        migration,
        offending,
        transitions,
        List.of(),
        List.of(),
        null,
        1,
        100,
        List.of(),
        null,
        null,
        null,
        null,
        0,
        null,
        "attempt-7",
        manifest,
        new NotificationCounts(0, 0, 0, null));
  }
}
