package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlight mode get|set} against real Redis, under a key prefix of its own: the record as
 * the resolvers read it, writes through compare-and-set with the operator's identity and an audit
 * entry, bad input refused before anything is written, an unreadable record shown with its reason
 * and replaced only by warn. Telling a running rollout is tested on a real one in {@code
 * RolloutCommandsTest}; here no Temporal answers, and the command says so.
 */
class ModeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SURFACE = "stage-validation";

  private String prefix;
  private RedisClient redis;
  private ModeStore store;

  @BeforeEach
  void ownPrefix() {
    prefix = "greenlight:mode-cli-test:" + UUID.randomUUID() + ":";
    redis = RedisClient.create(TestServices.redis().url());
    store = new ModeStore(redis, prefix);
  }

  @AfterEach
  void close() {
    store.close();
    redis.shutdown();
  }

  @Test
  void setWritesTheNextVersionWithTheOperatorAndAnAuditEntryGetShowsIt() throws Exception {
    Cli none = mode("get");
    assertEquals(0, none.exit(), none.toString());
    assertTrue(none.out().contains("none stored"), none.out());

    Cli warn =
        mode("set", "warn", "--who", "alice", "--why", "error spike, holding", "--no-signal");
    assertEquals(0, warn.exit(), warn.toString());
    assertTrue(warn.out().contains("wrote warn 0%, version 1, by alice"), warn.out());
    assertTrue(warn.out().contains("not told (--no-signal)"), warn.out());

    Cli off = mode("set", "off", "--who", "bob", "--why", "API rolled back", "--no-signal");
    assertEquals(0, off.exit(), off.toString());
    assertTrue(off.out().contains("over warn 0%, version 1, by alice"), off.out());

    JsonNode got = JSON.readTree(mode("get", "--json").out());
    assertTrue(got.get("readable").asBoolean(), got.toString());
    assertEquals("off", got.get("record").get("mode").asText());
    assertEquals(2, got.get("record").get("version").asLong());
    assertEquals("bob", got.get("record").get("changedBy").asText());
    assertEquals("API rolled back", got.get("record").get("reason").asText());
    assertEquals(prefix + "mode:" + SURFACE, got.get("key").asText());

    List<ModeRecord> audit = store.history(SURFACE, 10);
    assertEquals(List.of(2L, 1L), audit.stream().map(ModeRecord::version).toList());
    assertEquals("alice", audit.get(1).changedBy());
    assertEquals("error spike, holding", audit.get(1).reason());

    Cli again = mode("set", "off", "--who", "bob", "--why", "once more", "--no-signal", "--json");
    assertEquals(0, again.exit(), again.toString());
    assertFalse(JSON.readTree(again.out()).get("written").asBoolean(), again.out());
    assertEquals(2, store.read(SURFACE).orElseThrow().version(), "the same mode is no new version");
  }

  @Test
  void badInputExitsTwoNamingTheRuleAndWritesNothing() {
    expectBadInput("mode must be one of [off, warn, enforce] but was 'enforced'", "enforced");
    expectBadInput("--why must not be blank", "warn", "--why", "   ");
    expectBadInput(
        "--percent must be between 0 and 100 but was 120",
        "enforce",
        "--force",
        "--percent",
        "120");
    expectBadInput("--percent must be between 0 and 100 but was -1", "warn", "--percent", "-1");
    expectBadInput(
        "--percent applies to enforce only but was 10 for warn", "warn", "--percent", "10");
    expectBadInput("refusing enforce outside a rollout", "enforce", "--percent", "10");
    expectBadInput("enforce needs --percent", "enforce", "--force");
    expectBadInput("surface must be 1-64 characters", "warn", "--surface", "no spaces");
    Cli noWhy = Cli.run("mode", "set", "warn", "--redis", TestServices.redis().url());
    assertEquals(2, noWhy.exit(), noWhy.toString());
    assertTrue(noWhy.err().contains("--why"), noWhy.toString());
    try (StatefulRedisConnection<String, String> raw = redis.connect()) {
      assertEquals(List.of(), raw.sync().keys(prefix + "*"), "nothing written");
    }
  }

  @Test
  void anUnreadableRecordIsShownWithItsReasonAndOnlyWarnReplacesIt() throws Exception {
    try (StatefulRedisConnection<String, String> raw = redis.connect()) {
      // The hand-written HSET the runbook warns about: percent out of range.
      raw.sync()
          .hset(
              prefix + "mode:" + SURFACE,
              Map.of(
                  "mode", "enforce",
                  "percent", "150",
                  "version", "7",
                  "changedBy", "someone",
                  "reason", "by hand",
                  "changedAt", "2026-01-19T10:00:00.123Z"));
    }
    Cli get = mode("get");
    assertEquals(0, get.exit(), get.toString());
    assertTrue(get.out().contains("readable     NO: "), get.out());
    assertTrue(get.out().contains("150"), get.out());
    JsonNode json = JSON.readTree(mode("get", "--json").out());
    assertFalse(json.get("readable").asBoolean(), json.toString());
    assertTrue(json.get("present").asBoolean(), json.toString());
    assertTrue(json.get("problem").asText().contains("150"), json.toString());

    Cli off = mode("set", "off", "--who", "carol", "--why", "stop it", "--no-signal");
    assertEquals(1, off.exit(), off.toString());
    assertTrue(off.err().contains("only `greenlight mode set warn` replaces"), off.toString());

    Cli warn = mode("set", "warn", "--who", "carol", "--why", "stop it", "--no-signal");
    assertEquals(0, warn.exit(), warn.toString());
    assertTrue(warn.out().contains("replacing an unreadable record"), warn.out());
    ModeRecord now = store.read(SURFACE).orElseThrow();
    assertEquals(ValidationMode.WARN, now.mode());
    assertEquals("carol", now.changedBy());
    assertTrue(now.version() > 7, "versions only grow: " + now.version());
  }

  @Test
  void enforceByHandNeedsForceAndIsNotSignalled() throws Exception {
    Cli forced =
        mode("set", "enforce", "--percent", "10", "--force", "--who", "dave", "--why", "drill");
    assertEquals(0, forced.exit(), forced.toString());
    assertTrue(forced.out().contains("wrote enforce 10%, version 1, by dave"), forced.out());
    assertTrue(forced.out().contains("not told of an enforce set by hand"), forced.out());
  }

  @Test
  void temporalNotAnsweringIsExitOneWithTheRecordWritten() throws Exception {
    Cli told =
        mode(
            "set", "warn", "--who", "erin", "--why", "alert by phone", "--temporal", "127.0.0.1:1");
    assertEquals(1, told.exit(), told.toString());
    assertTrue(told.out().contains("NOT told"), told.toString());
    assertEquals(ValidationMode.WARN, store.read(SURFACE).orElseThrow().mode(), "written first");
  }

  private Cli mode(String... args) {
    return Cli.run(
        Stream.concat(
                Stream.of("mode"),
                Stream.concat(
                    Stream.of(args),
                    Stream.of("--redis", TestServices.redis().url(), "--redis-prefix", prefix)))
            .toArray(String[]::new));
  }

  private void expectBadInput(String message, String... setArgs) {
    Stream<String> why = List.of(setArgs).contains("--why") ? Stream.of() : Stream.of("--why", "x");
    Cli cli =
        mode(
            Stream.concat(Stream.concat(Stream.of("set"), Stream.of(setArgs)), why)
                .toArray(String[]::new));
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(cli.err().contains(message), "missing '" + message + "' in " + cli);
  }
}
