package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each shipped scenario rehearsed through the CLI with {@code --json}, its outcome checked against
 * what the scenario says it is built to reach. Real PostgreSQL and Redis (the test services), the
 * real workflow and activities, pg_dump included.
 *
 * <p>The safety scenarios ({@code gate-dark-in-window}, {@code unknowns-rejected-in-canary}, {@code
 * retry-on-stale-warn-verdict}, {@code pause-in-enforce}, {@code metrics-outage-lifts-itself}) also
 * check the property they stage from the transitions; each such check fails on the rollout before
 * the safety semantics (the frozen {@code dev.greenlight.rollout.legacy} with the plan of that
 * time), as each test's comment says why.
 */
// Each rehearsal takes seconds. In CI one now and then never returned, stuck in the in-process
// test server's sleep (not reproduced in 18 runs by hand); a rehearsal now notices a clock that
// stopped within 30 s and runs again in fresh services (SkippingClock). Still fail in minutes, not
// at CI's limit, should anything else hang.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RehearseScenariosTest {
  /** Reads the records below from {@code --json}, which carries more fields than they name. */
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @TempDir static Path dir;
  private static Path plan;

  /**
   * The v3.4 plan with a looser Redis p99 budget: test machines run several builds on two cores,
   * and the 10 ms budget is about production Redis, not about what these scenarios check.
   */
  @BeforeAll
  static void relaxedPlan() throws Exception {
    String text = Files.readString(GreenlightCommandTest.planPath());
    assertTrue(
        text.contains("redisMaxP99: 10ms"), "the plan's Redis budget moved; update this test");
    plan =
        Files.writeString(
            dir.resolve("plan.yaml"), text.replace("redisMaxP99: 10ms", "redisMaxP99: 500ms"));
  }

  static JsonNode rehearse(String scenario, int rows, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rehearse",
                "--plan",
                plan.toString(),
                "--scenario",
                scenarioDir().resolve(scenario + ".yaml").toString(),
                "--rows",
                Integer.toString(rows),
                "--json",
                "--db",
                TestServices.postgres().jdbcUrl(),
                "--redis",
                TestServices.redis().url()));
    args.addAll(List.of(extra));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exit(), cli.toString());
    JsonNode json = JSON.readTree(cli.out());
    assertEquals(
        json.get("expected").asText(), json.get("outcome").asText(), json.toPrettyString());
    assertTrue(
        json.get("maxEventsPerRun").asLong() < 4096,
        "events per run: " + json.get("maxEventsPerRun"));
    assertTrue(json.get("wallSeconds").asDouble() > 0);
    return json;
  }

  /** A transition of {@code --json}: offset from the start, phase, mode, percent, reason. */
  record T(
      @JsonProperty("offsetMillis") long offset,
      String phase,
      String mode,
      int percent,
      String reason) {}

  /** A scenario action of {@code --json}: offset from the start, what was sent, what came of it. */
  record A(@JsonProperty("offsetMillis") long offset, String action, String result) {}

  static List<T> transitions(JsonNode json) {
    return rows(json, "transitions", T.class);
  }

  static List<A> actions(JsonNode json) {
    return rows(json, "actions", A.class);
  }

  /** Each element of the array {@code field} of {@code json}, read as a {@code type}, in order. */
  private static <R> List<R> rows(JsonNode json, String field, Class<R> type) {
    return JSON.convertValue(
        json.get(field), JSON.getTypeFactory().constructCollectionType(List.class, type));
  }

  /**
   * The index of the first transition at or after {@code from} whose reason starts so; -1 if none.
   */
  static int first(List<T> ts, int from, String prefix) {
    return first(ts, from, t -> t.reason().startsWith(prefix));
  }

  /**
   * The index of the first transition after index {@code after} (-1: from the start) whose reason
   * starts with {@code prefix}; fails, listing every transition, when there is none.
   */
  static int next(List<T> ts, int after, String prefix) {
    int i = first(ts, after + 1, prefix);
    assertTrue(i > after, "no \"" + prefix + "\" after transition " + after + ": " + ts);
    return i;
  }

  /** The index of the transition that first enters ENFORCE, at the canary's first step. */
  static int canaryEntry(List<T> ts) {
    return next(ts, -1, "mode enforce 10%: canary step 1");
  }

  static int first(List<T> ts, int from, Predicate<T> p) {
    for (int i = Math.max(0, from); i < ts.size(); i++) {
      if (p.test(ts.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static long minutes(long n) {
    return Duration.ofMinutes(n).toMillis();
  }

  /** Fails, listing every reason, unless some transition's reason starts with {@code prefix}. */
  static void assertAnyReasonStartsWith(JsonNode json, String prefix) {
    List<String> reasons = reasons(json);
    assertTrue(
        reasons.stream().anyMatch(r -> r.startsWith(prefix)),
        "no reason starts with \"" + prefix + "\": " + reasons);
  }

  static List<String> reasons(JsonNode json) {
    return transitions(json).stream().map(T::reason).toList();
  }

  @Test
  void happyCompletesWithEveryFlipAndAReport() throws Exception {
    Path report = dir.resolve("happy.html");
    JsonNode json = rehearse("happy", 2000, "--report", report.toString());
    assertEquals("COMPLETED", json.get("outcome").asText());
    assertEquals(5, json.get("modeFlips").asInt());
    assertTrue(json.get("rowsMigrated").asLong() > 0);
    assertTrue(json.get("simulatedDays").asDouble() > 12, json.toString());
    JsonNode first = json.get("transitions").get(0);
    for (String field : List.of("at", "phase", "mode", "percent", "reason")) {
      assertTrue(first.has(field), field);
    }
    String html = Files.readString(report);
    for (String part :
        List.of(
            "id='phases'",
            "id='mode'",
            "class='gate'",
            "id='migration'",
            "id='transitions'",
            "id='actions'",
            "<svg",
            "error-rate",
            "threshold 0.001")) {
      assertTrue(html.contains(part), "report lacks " + part);
    }
    assertFalse(html.contains("<script"), "the report must not run scripts");
    assertFalse(
        html.matches("(?s).*(src|href)=['\"]?https?:.*"), "the report must not fetch anything");
  }

  /** A JDK-only machine: no pg_dump anywhere, so auto falls back to the JDBC copy format. */
  @Test
  void happyCompletesWithoutPgDumpUsingTheCopyFormat() throws Exception {
    Path noTools = Files.createDirectories(dir.resolve("no-pg-tools"));

    JsonNode json = rehearse("happy", 2000, "--pg-bin", noTools.toString());

    assertEquals("COMPLETED", json.get("outcome").asText());
    assertTrue(json.get("rowsMigrated").asLong() > 0);
    String fallback = "(pg_dump not found in " + noTools + "; used the JDBC copy format)";
    assertTrue(
        reasons(json).stream().anyMatch(r -> r.startsWith("backup ") && r.contains(fallback)),
        reasons(json).toString());
    assertTrue(
        reasons(json).stream()
            .anyMatch(r -> r.startsWith("backup verified and restored") && r.contains(fallback)),
        "the day-5 backup before the migration used it too: " + reasons(json));
  }

  @Test
  void errorSpikeAtTenRollsBackThenCompletesAfterRetry() throws Exception {
    JsonNode json = rehearse("error-spike-at-10", 2000);
    assertEquals(1, json.get("rollbacks").asInt());
    assertAnyReasonStartsWith(json, "mode warn 0%: rollback: error-rate");
    assertTrue(reasons(json).contains("canary retried from its first step"));
  }

  @Test
  void unknownStaysHighNeverEnforces() throws Exception {
    JsonNode json = rehearse("unknown-stays-high", 2000);
    json.get("transitions")
        .forEach(t -> assertFalse(t.get("mode").asText().equals("enforce"), t.toString()));
    assertAnyReasonStartsWith(json, "ENFORCE blocked");
  }

  @Test
  void prometheusOutagePausesWithoutPromotingThenCompletes() throws Exception {
    JsonNode json = rehearse("prometheus-outage", 2000);
    assertAnyReasonStartsWith(json, "paused: 3 gate reads in a row failed");
  }

  @Test
  void migrationCrashResumesFromItsCheckpoint() throws Exception {
    // Each crashing attempt commits one 1000-row batch first; 5000 rows leave work for the resume.
    JsonNode json = rehearse("migration-crash", 5000);
    assertAnyReasonStartsWith(json, "migration failed: simulated worker crash");
    assertAnyReasonStartsWith(json, "migration applied");
  }

  /**
   * Item 1: every gate earns its own window. error-rate has no data from 100 to 115 minutes into
   * the 10 % step (gate-dark-in-window.yaml); the step may promote only once error-rate has fresh,
   * covered, green readings for a whole window after the gap. Before: one window pooled over every
   * gate since the step's start, where 15 minutes of one gate of three were 4 % of the readings (96
   * % coverage), so the step promoted at its 2 h minimum with five minutes of error-rate data in
   * its trailing window.
   */
  @Test
  void gateDarkInWindowPromotesOnlyAWholeWindowAfterTheGap() throws Exception {
    JsonNode json = rehearse("gate-dark-in-window", 2000);
    List<T> ts = transitions(json);
    int enforce = canaryEntry(ts);
    int promoted = next(ts, enforce, "step 10% promoted");
    long gapEnd = ts.get(enforce).offset() + minutes(115);

    assertTrue(
        ts.get(promoted).offset() >= gapEnd + minutes(30),
        "promoted "
            + Duration.ofMillis(ts.get(promoted).offset() - gapEnd).toMinutes()
            + "m after the gap, not a whole 30m window: "
            + ts.get(promoted));
    assertEquals(0, json.get("rollbacks").asInt());
  }

  /**
   * Item 2: the canary's unknown-rate gate has a breach rule (1 % for 10 minutes), so 3 % unknowns
   * under ENFORCE roll back like an error spike, and the retry completes. Before: the gate had no
   * breach rule; 3 % was only red, the step never promoted and never rolled back.
   */
  @Test
  void unknownsRejectedInCanaryRollBackOnTheBreachRuleThenTheRetryCompletes() throws Exception {
    JsonNode json = rehearse("unknowns-rejected-in-canary", 2000);
    List<T> ts = transitions(json);
    int enforce = canaryEntry(ts);
    int flip = next(ts, enforce, "mode warn 0%: rollback: unknown-rate past 0.01 for ");
    assertEquals("ROLLED_BACK", ts.get(flip + 1).phase(), ts.get(flip + 1).toString());
    assertEquals(
        -1,
        first(ts.subList(0, flip), enforce, "step 10% promoted"),
        "promoted before the rollback");
    long spike = ts.get(enforce).offset() + minutes(60);
    assertTrue(
        ts.get(flip).offset() >= spike + minutes(10) - minutes(1)
            && ts.get(flip).offset() <= spike + minutes(20),
        "the breach rule is 1 % for 10 minutes, read every 5: " + ts.get(flip));
    assertEquals(1, json.get("rollbacks").asInt());
    int retried = next(ts, flip, "canary retried from its first step");
    next(ts, retried, "mode enforce 10%");
  }

  /**
   * Item 3: a retry enters ENFORCE only on a fresh WARN verdict. WARN's unknown rate is at 0.8 %
   * when retry-canary arrives, so the rollout holds in warn, says so once, and enters ENFORCE only
   * after the rate has been green for a whole WARN window (1 h) after it drops, two hours after the
   * hold. Before: the retry flipped ENFORCE at once on the verdict from day 5.
   */
  @Test
  void retryOnStaleWarnVerdictHoldsInWarnUntilAFreshGreenVerdict() throws Exception {
    JsonNode json = rehearse("retry-on-stale-warn-verdict", 2000);
    List<T> ts = transitions(json);
    int retried = next(ts, -1, "canary retried from its first step");
    int enforce = next(ts, retried, "mode enforce");
    List<T> between = ts.subList(retried + 1, enforce);
    assertEquals(2, between.size(), "only the hold and the fresh verdict: " + between);
    T held = between.get(0);
    T fresh = between.get(1);
    assertTrue(
        held.reason().startsWith("ENFORCE held in warn: unknown-rate red at ")
            && held.reason().contains("needs unknown-rate green over the last 1h"),
        held.toString());
    assertEquals("warn", held.mode());
    assertTrue(
        fresh.reason().startsWith("fresh WARN verdict green: unknown-rate"), fresh.toString());
    long drop = held.offset() + minutes(120);
    assertTrue(
        ts.get(enforce).offset() >= drop + minutes(60),
        "ENFORCE before a whole green WARN window after the drop: " + ts.get(enforce));
    assertEquals(
        1,
        ts.stream().filter(t -> t.reason().startsWith("ENFORCE held in warn")).count(),
        "the hold is recorded once");
  }

  /**
   * Item 6: a pause by hand holds promotion, not protection. Paused in the 10 % step, an error
   * spike's breach rule rolls back; paused in the 50 % step, an alert rolls back at once. Before: a
   * paused rollout read nothing and handled no alert until someone resumed it.
   */
  @Test
  void pauseInEnforceStillRollsBackOnABreachAndOnAnAlert() throws Exception {
    JsonNode json = rehearse("pause-in-enforce", 2000);
    List<T> ts = transitions(json);
    List<A> as = actions(json);
    List<T> rollbacks = ts.stream().filter(t -> t.reason().startsWith("rolled back (")).toList();
    assertEquals(2, rollbacks.size(), ts.toString());
    assertTrue(rollbacks.get(0).reason().startsWith("rolled back (error-rate past 0.001"));
    assertTrue(rollbacks.get(1).reason().startsWith("rolled back (alert StageErrorSpike"));
    for (T rollback : rollbacks) {
      A last =
          as.stream()
              .filter(a -> a.offset() <= rollback.offset())
              .filter(a -> a.action().startsWith("pause ") || a.action().startsWith("resume "))
              .reduce((a, b) -> b)
              .orElseThrow(() -> new AssertionError("no pause before " + rollback));
      assertTrue(
          last.action().startsWith("pause ") && last.result().equals("paused"),
          "not paused when " + rollback + ": last was " + last);
    }
    A alert = as.stream().filter(a -> a.action().startsWith("alert ")).findFirst().orElseThrow();
    assertTrue(
        rollbacks.get(1).offset() - alert.offset() < minutes(5),
        "the alert rolled back at once: " + alert + " → " + rollbacks.get(1));
    assertTrue(
        ts.stream()
            .anyMatch(t -> t.reason().startsWith("mode warn 0%: rollback: error-rate past 0.001")),
        ts.toString());
  }

  /**
   * Item 6: a pause caused by three failed reads lifts by itself once reads succeed, and ENFORCE
   * never runs blind meanwhile: the step goes to warn and is entered again, with its windows
   * re-earned, without any command. Before: the pause waited for a person and ENFORCE stayed on.
   */
  @Test
  void metricsOutageLiftsItselfWithEnforceOffWhileBlind() throws Exception {
    JsonNode json = rehearse("metrics-outage-lifts-itself", 2000);
    List<T> ts = transitions(json);
    int enforce = canaryEntry(ts);
    int paused = next(ts, enforce, "paused: 3 gate reads in a row failed");
    assertTrue(
        ts.get(paused).reason().endsWith("; resumes by itself when reads succeed again"),
        ts.get(paused).toString());
    T blind = ts.get(paused + 1);
    assertEquals(
        "mode warn 0%: gates unreadable: ENFORCE off until they can be read again", blind.reason());
    assertTrue(
        blind.offset() - ts.get(paused).offset() < minutes(1), "downgraded at once: " + blind);
    int resumed = next(ts, paused, "resumed: gate reads succeed again; every window re-earns");
    long outageEnd = ts.get(enforce).offset() + minutes(120);
    assertTrue(ts.get(resumed).offset() >= outageEnd, ts.get(resumed).toString());
    assertEquals(-1, first(ts.subList(0, resumed), paused, "mode enforce"), "ENFORCE while blind");
    int reentered = next(ts, resumed, "mode enforce 10%: canary step 1");
    int promoted = next(ts, resumed, "step 10% promoted");
    assertTrue(promoted > reentered, "promoted before ENFORCE was entered again: " + ts);
    assertTrue(
        ts.get(promoted).offset() >= ts.get(reentered).offset() + minutes(30),
        "promoted before its windows re-earned: " + ts.get(promoted));
    assertTrue(
        actions(json).stream().noneMatch(a -> a.action().startsWith("resume ")),
        "nobody resumed: " + actions(json));
  }

  static Path scenarioDir() {
    return GreenlightCommandTest.planPath().getParent().resolve("scenarios");
  }
}
