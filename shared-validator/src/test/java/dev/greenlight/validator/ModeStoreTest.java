package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.internal.ModeScripts;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModeStoreTest {
  private static final String PREFIX = RedisFixture.randomPrefix();
  private static RedisClient client;
  private static ModeStore store;
  private static StatefulRedisConnection<String, String> raw;

  @BeforeAll
  static void connect() {
    client = RedisFixture.client();
    store = new ModeStore(client, PREFIX);
    raw = client.connect();
  }

  @AfterAll
  static void disconnect() {
    store.close();
    raw.close();
    client.shutdown();
  }

  @Test
  void firstWriteExpectsVersionZeroAndReadsBackAsVersionOne() {
    assertTrue(store.read("first").isEmpty());
    ModeRecord written =
        store.compareAndSet(
            "first", 0, new ModeChange(ValidationMode.ENFORCE, 10, "alice", "canary 10 %"));
    assertEquals(1, written.version());
    ModeRecord read = store.read("first").orElseThrow();
    assertEquals(written, read);
    assertEquals("enforce", raw.sync().hget(PREFIX + "mode:first", "mode"));
  }

  @Test
  void staleVersionIsRefusedNamingBothVersionsAndNothingIsWritten() {
    ModeChange change = new ModeChange(ValidationMode.WARN, 0, "bob", "start warn");
    store.compareAndSet("stale", 0, change);
    store.compareAndSet("stale", 1, change);
    StaleModeVersionException e =
        assertThrows(
            StaleModeVersionException.class, () -> store.compareAndSet("stale", 1, change));
    assertTrue(e.getMessage().startsWith("mode version 1 is stale, current is 2"), e.getMessage());
    assertEquals(1, e.expectedVersion());
    assertEquals(2, e.currentVersion());
    assertEquals(2, store.read("stale").orElseThrow().version());
    assertEquals(2, store.history("stale", 10).size());
  }

  @Test
  void invalidPercentIsRefusedBeforeAnythingIsWritten() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            store.compareAndSet(
                "invalid", 0, new ModeChange(ValidationMode.ENFORCE, 120, "carol", "typo")));
    assertEquals(0, raw.sync().exists(PREFIX + "mode:invalid", PREFIX + "mode-audit:invalid"));
  }

  @Test
  void scriptRefusesInvalidModeOrPercentFromOtherWritersAndWritesNothing() {
    String[] keys = {PREFIX + "mode:by-hand", PREFIX + "mode-audit:by-hand"};
    for (String[] args :
        List.of(
            new String[] {"strict", "0"},
            new String[] {"enforce", "120"},
            new String[] {"warn", "5.5"})) {
      RedisCommandExecutionException e =
          assertThrows(
              RedisCommandExecutionException.class,
              () ->
                  raw.sync()
                      .eval(
                          ModeScripts.COMPARE_AND_SET,
                          ScriptOutputType.MULTI,
                          keys,
                          "0",
                          args[0],
                          args[1],
                          "dave",
                          "by hand",
                          "2026-01-01T00:00:00Z",
                          PREFIX + "mode-changes",
                          "by-hand"));
      String value = args[args[0].equals("strict") ? 0 : 1];
      assertTrue(e.getMessage().contains("but was '" + value + "'"), e.getMessage());
    }
    assertEquals(0, raw.sync().exists(keys));
  }

  @Test
  void historyListsEveryChangeNewestFirst() {
    store.compareAndSet("audited", 0, new ModeChange(ValidationMode.WARN, 0, "wf", "warn"));
    store.compareAndSet("audited", 1, new ModeChange(ValidationMode.ENFORCE, 10, "wf", "10 %"));
    store.compareAndSet("audited", 2, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50 %"));
    List<ModeRecord> history = store.history("audited", 10);
    assertEquals(List.of(3L, 2L, 1L), history.stream().map(ModeRecord::version).toList());
    assertEquals(50, history.get(0).enforcePercent());
    assertEquals("warn", history.get(2).reason());
    assertEquals(2, store.history("audited", 2).size());
  }

  @Test
  void downgradeWritesWarnOverEnforceAsTheNextAuditedVersion() {
    store.compareAndSet("alerted", 0, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50 %"));
    ModeDowngrade downgrade = store.downgradeToWarn("alerted", "alertmanager", "error spike");
    assertEquals(ModeDowngrade.Outcome.DOWNGRADED, downgrade.outcome());
    assertTrue(downgrade.wroteWarn());
    ModeRecord written = downgrade.stored().orElseThrow();
    assertEquals(ValidationMode.WARN, written.mode());
    assertEquals(0, written.enforcePercent());
    assertEquals(2, written.version());
    assertEquals(written, store.read("alerted").orElseThrow());
    assertEquals(written, store.history("alerted", 1).get(0));
  }

  @Test
  void downgradeLeavesOffWarnAndNoRecordAlone() {
    store.compareAndSet("calm", 0, new ModeChange(ValidationMode.OFF, 0, "wf", "off"));
    ModeDowngrade overOff = store.downgradeToWarn("calm", "alertmanager", "error spike");
    assertEquals(ModeDowngrade.Outcome.NOT_ENFORCING, overOff.outcome());
    assertEquals(store.read("calm"), overOff.stored());
    store.compareAndSet("calm", 1, new ModeChange(ValidationMode.WARN, 0, "wf", "warn"));
    assertEquals(
        ModeDowngrade.Outcome.NOT_ENFORCING,
        store.downgradeToWarn("calm", "alertmanager", "error spike").outcome());
    assertEquals(2, store.history("calm", 10).size(), "no version that changes nothing");

    ModeDowngrade none = store.downgradeToWarn("never-set", "alertmanager", "no record yet");
    assertEquals(ModeDowngrade.Outcome.NO_RECORD, none.outcome());
    assertTrue(store.read("never-set").isEmpty());
  }

  @Test
  void downgradeReplacesAnUnreadableRecordAboveEveryVersionSeenAndAuditsWhy() {
    String key = PREFIX + "mode:garbled";
    store.compareAndSet("garbled", 0, new ModeChange(ValidationMode.ENFORCE, 10, "wf", "10 %"));
    store.compareAndSet("garbled", 1, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50 %"));
    raw.sync().hset(key, "version", "1.5"); // no version left in the record: the audit has 2
    raw.sync().hset(key, "stray", "field");
    ModeDowngrade downgrade = store.downgradeToWarn("garbled", "alertmanager", "error spike");
    assertEquals(ModeDowngrade.Outcome.REPLACED_UNREADABLE, downgrade.outcome());
    assertEquals(
        "field 'version' must be an integer 1-999999999999999 without sign or leading zero"
            + " but was '1.5'",
        downgrade.replacedProblem().orElseThrow());
    assertEquals(3, store.read("garbled").orElseThrow().version());
    assertEquals(ValidationMode.WARN, store.read("garbled").orElseThrow().mode());
    assertEquals(null, raw.sync().hget(key, "stray"), "the record is written afresh");
    assertEquals(
        downgrade.replacedProblem().orElseThrow(),
        raw.sync()
            .xrevrange(PREFIX + "mode-audit:garbled", Range.unbounded(), Limit.from(1))
            .get(0)
            .getBody()
            .get("replaced"));

    raw.sync().hset(key, "version", "41");
    raw.sync().hset(key, "changedAt", "yesterday");
    assertEquals(
        42,
        store.downgradeToWarn("garbled", "alertmanager", "again").stored().orElseThrow().version());

    raw.sync().del(key);
    raw.sync().set(key, "{\"mode\":\"enforce\"");
    ModeDowngrade overString = store.downgradeToWarn("garbled", "alertmanager", "and again");
    assertEquals("the key holds a string, not a hash", overString.replacedProblem().orElseThrow());
    assertEquals(43, store.read("garbled").orElseThrow().version());
  }

  @Test
  void compareAndSetOverAnUnreadableRecordIsRefusedAndWritesNothing() {
    String key = PREFIX + "mode:unreadable-cas";
    store.compareAndSet(
        "unreadable-cas", 0, new ModeChange(ValidationMode.ENFORCE, 50, "wf", "50"));
    raw.sync().hset(key, "changedAt", "yesterday");
    UnreadableModeRecordException e =
        assertThrows(
            UnreadableModeRecordException.class,
            () ->
                store.compareAndSet(
                    "unreadable-cas", 1, new ModeChange(ValidationMode.ENFORCE, 100, "wf", "100")));
    assertTrue(e.problem().contains("'yesterday'"), e.problem());
    assertEquals("50", raw.sync().hget(key, "percent"));
    assertEquals(1, store.history("unreadable-cas", 10).size());
  }

  @Test
  void unreadableRecordIsReportedWithItsKey() {
    raw.sync().hset(PREFIX + "mode:corrupt", "mode", "strict");
    UnreadableModeRecordException e =
        assertThrows(UnreadableModeRecordException.class, () -> store.read("corrupt"));
    assertTrue(e.getMessage().contains(PREFIX + "mode:corrupt"), e.getMessage());
    assertTrue(e.problem().startsWith("field 'mode' must be"), e.problem());
    raw.sync().set(PREFIX + "mode:string", "enforce");
    e = assertThrows(UnreadableModeRecordException.class, () -> store.read("string"));
    assertEquals("the key holds a string, not a hash", e.problem());
  }

  @Test
  void badSurfaceNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> store.read("two words"));
    assertTrue(e.getMessage().contains("'two words'"), e.getMessage());
  }

  @Test
  void unreachableRedisIsReportedAsUnavailable() {
    RedisClient dead = RedisClient.create(RedisFixture.closedPortUrl());
    try (ModeStore unreachable = new ModeStore(dead, PREFIX)) {
      ModeStoreUnavailableException e =
          assertThrows(ModeStoreUnavailableException.class, () -> unreachable.read("any"));
      assertTrue(e.getMessage().startsWith("Redis unavailable for read"), e.getMessage());
    } finally {
      dead.shutdown();
    }
  }
}
