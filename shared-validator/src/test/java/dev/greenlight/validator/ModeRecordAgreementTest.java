package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.validator.internal.ModeScripts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Lua script and the Java codec agree on what a mode record is: each record below is stored by
 * hand and judged by both (Java reads it, the script finds it readable or not), and each one the
 * script is asked to write is written exactly when Java could read it back.
 */
class ModeRecordAgreementTest {
  private static final String PREFIX = RedisFixture.randomPrefix();
  private static final AtomicInteger SURFACES = new AtomicInteger();
  private static final Map<String, String> GOOD =
      Map.of(
          "mode", "enforce",
          "percent", "50",
          "version", "3",
          "changedBy", "workflow",
          "reason", "canary 50 %",
          "changedAt", "2026-01-19T10:00:00Z");

  private static RedisClient client;
  private static ModeStore store;
  private static StatefulRedisConnection<String, String> connection;
  private static RedisCommands<String, String> raw;

  /** One field of {@link #GOOD} changed ({@code value} null: removed), and whether it is valid. */
  record Case(String field, String value, boolean valid) {
    Map<String, String> fields() {
      Map<String, String> fields = new HashMap<>(GOOD);
      if (value == null) {
        fields.remove(field);
      } else {
        fields.put(field, value);
      }
      return fields;
    }

    @Override
    public String toString() {
      return field + "=" + (value == null ? "(missing)" : "'" + value + "'") + (valid ? "" : " !");
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    valid(cases, "mode", "off", "warn", "enforce");
    invalid(cases, "mode", null, "", "ENFORCE", "Warn", " warn", "warn ", "strict", "{\"warn\"");
    valid(cases, "percent", "0", "7", "50", "99", "100");
    invalid(
        cases, "percent", null, "", "50.0", "050", "00", "101", "-1", "-0", "+5", " 5", "5 ", "5e1",
        "0x32", "1e2", "\u0665", "inf", "nan");
    valid(cases, "version", "1", "3", "10", "999999999999999");
    invalid(
        cases,
        "version",
        null,
        "",
        "0",
        "01",
        "1.5",
        "3.0",
        "-3",
        "+3",
        " 3",
        "1e3",
        "0x10",
        "1000000000000000",
        "\u0663");
    valid(
        cases,
        "changedAt",
        "2026-01-19T10:00:00Z",
        "2026-01-19T10:00:00.5Z",
        "2026-01-19T10:00:00.123Z",
        "2026-01-19T10:00:00.123456789Z",
        "2024-02-29T23:59:59Z",
        "2000-02-29T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z");
    invalid(
        cases,
        "changedAt",
        null,
        "",
        "yesterday",
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-19T24:00:00Z",
        "2026-01-19T23:60:00Z",
        "2026-01-19T23:59:60Z",
        "2026-01-19T10:00Z",
        "2026-01-19T10:00:00",
        "2026-01-19T10:00:00z",
        "2026-01-19T10:00:00+01:00",
        "2026-01-19T10:00:00.Z",
        "2026-01-19T10:00:00.1234567890Z",
        "2026-01-19 10:00:00Z",
        "2026-1-19T10:00:00Z",
        "+10000-01-01T00:00:00Z",
        " 2026-01-19T10:00:00Z",
        "2026-01-19T10:00:00Z ",
        "\u0662026-01-19T10:00:00Z");
    valid(cases, "changedBy", "", "ops-webhook", "two\nlines", "ünïcødé");
    invalid(cases, "changedBy", (String) null);
    valid(cases, "reason", "", "a reason", "two\nlines");
    invalid(cases, "reason", (String) null);
    return cases.stream();
  }

  private static void valid(List<Case> cases, String field, String... values) {
    for (String value : values) {
      cases.add(new Case(field, value, true));
    }
  }

  private static void invalid(List<Case> cases, String field, String... values) {
    for (String value : values) {
      cases.add(new Case(field, value, false));
    }
  }

  @BeforeAll
  static void connect() {
    client = RedisFixture.client();
    store = new ModeStore(client, PREFIX);
    connection = client.connect();
    raw = connection.sync();
  }

  @AfterAll
  static void disconnect() {
    store.close();
    connection.close();
    client.shutdown();
  }

  /** Java reads a stored record exactly when the script finds it readable. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storedRecordIsReadableToJavaExactlyWhenItIsToTheScript(Case c) {
    String surface = nextSurface();
    raw.hset(PREFIX + "mode:" + surface, c.fields());
    assertEquals(c.valid(), javaReads(surface), "Java's verdict on " + c);
    assertEquals(c.valid(), scriptReads(surface), "the script's verdict on " + c);
  }

  /**
   * The script writes a record exactly when Java can read it back, and Java reads what it wrote.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scriptWritesARecordExactlyWhenJavaCanReadIt(Case c) {
    if (c.field().equals("version") || c.value() == null) {
      return; // the script makes the version itself, and every argument is always passed
    }
    String surface = nextSurface();
    Map<String, String> f = c.fields();
    boolean written;
    try {
      List<Object> reply =
          eval(
              surface,
              "0",
              f.get("mode"),
              f.get("percent"),
              f.get("changedBy"),
              f.get("reason"),
              f.get("changedAt"));
      written = (Long) reply.get(0) == 1;
    } catch (RedisCommandExecutionException e) {
      written = false;
    }
    assertEquals(c.valid(), written, "the script's verdict on writing " + c);
    if (written) {
      ModeRecord read = store.read(surface).orElseThrow();
      assertEquals(f.get("mode"), read.mode().wireName());
      assertEquals(f.get("percent"), Integer.toString(read.enforcePercent()));
      assertEquals(1, read.version());
      assertEquals(f.get("changedBy"), read.changedBy());
      assertEquals(f.get("reason"), read.reason());
      assertEquals(f.get("changedAt"), raw.hget(PREFIX + "mode:" + surface, "changedAt"));
    }
  }

  @Test
  void keyOfAnotherTypeIsUnreadableToBoth() {
    String surface = nextSurface();
    raw.set(PREFIX + "mode:" + surface, "{\"mode\":\"enforce\",\"percent\":50,");
    assertEquals(false, javaReads(surface));
    assertEquals(false, scriptReads(surface));
  }

  @Test
  void largestVersionIsWrittenReadablyAndNoWriteGoesBeyondIt() {
    String surface = nextSurface();
    Map<String, String> fields = new HashMap<>(GOOD);
    fields.put("version", "999999999999998");
    raw.hset(PREFIX + "mode:" + surface, fields);
    eval(surface, "999999999999998", "warn", "0", "wf", "one more", "2026-01-19T10:00:00Z");
    assertEquals(999_999_999_999_999L, store.read(surface).orElseThrow().version());
    assertThrows(
        RedisCommandExecutionException.class,
        () ->
            eval(
                surface, "999999999999999", "warn", "0", "wf", "too many", "2026-01-19T10:00:00Z"));
    assertEquals(999_999_999_999_999L, store.read(surface).orElseThrow().version());
  }

  private static boolean javaReads(String surface) {
    try {
      store.read(surface);
      return true;
    } catch (ModeStoreException e) {
      return false;
    }
  }

  /** A compare-and-set expecting version 0 is refused as stale over a readable record. */
  private static boolean scriptReads(String surface) {
    List<Object> reply = eval(surface, "0", "warn", "0", "probe", "probe", "2026-01-19T10:00:00Z");
    long status = (Long) reply.get(0);
    if (status == 1) {
      fail("a record was stored, yet version 0 was accepted: " + reply);
    }
    return status == 0;
  }

  private static List<Object> eval(
      String surface,
      String expected,
      String mode,
      String percent,
      String changedBy,
      String reason,
      String changedAt) {
    String[] keys = {PREFIX + "mode:" + surface, PREFIX + "mode-audit:" + surface};
    return raw.eval(
        ModeScripts.COMPARE_AND_SET,
        ScriptOutputType.MULTI,
        keys,
        expected,
        mode,
        percent,
        changedBy,
        reason,
        changedAt,
        PREFIX + "mode-changes",
        surface);
  }

  private static String nextSurface() {
    return "agree-" + SURFACES.incrementAndGet();
  }
}
