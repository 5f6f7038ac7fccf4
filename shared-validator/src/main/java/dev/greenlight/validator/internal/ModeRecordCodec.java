package dev.greenlight.validator.internal;

import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.UnreadableModeRecordException;
import dev.greenlight.validator.ValidationMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@link ModeRecord} from the fields of a Redis hash, an audit stream entry or a change
 * message, by exactly the rules {@link ModeScripts} checks before it writes one and when it judges
 * a stored one, so a record the script writes is always readable here and a record readable here is
 * one the script could have written:
 *
 * <ul>
 *   <li>{@code mode}: {@code off}, {@code warn} or {@code enforce}, lower case, nothing around it
 *   <li>{@code percent}: 0 to 100 in plain decimal digits, no sign, no leading zero
 *   <li>{@code version}: 1 to {@link #MAX_VERSION} in plain decimal digits, no sign, no leading
 *       zero (15 digits: every such number is exact in Lua's doubles)
 *   <li>{@code changedAt}: {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, a real UTC date and time with 1–9
 *       fraction digits, as {@link Instant#toString()} writes it for years 0–9999
 *   <li>{@code changedBy}, {@code reason}: present, any text
 * </ul>
 */
public final class ModeRecordCodec {
  /** The largest version a record may hold: 15 digits. */
  public static final long MAX_VERSION = 999_999_999_999_999L;

  private static final Pattern PERCENT = Pattern.compile("0|[1-9][0-9]?|100");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,14}");
  private static final Pattern INSTANT =
      Pattern.compile(
          "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
              + "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z");

  private ModeRecordCodec() {}

  /**
   * The record in {@code fields}, read from the Redis key {@code where}.
   *
   * @throws UnreadableModeRecordException naming the key, the field and its value when a field is
   *     missing or breaks its rule
   */
  public static ModeRecord decode(String where, Map<String, String> fields) {
    String problem = problem(fields);
    if (problem != null) {
      throw new UnreadableModeRecordException(where, problem);
    }
    return new ModeRecord(
        mode(fields.get("mode")),
        Integer.parseInt(fields.get("percent")),
        Long.parseLong(fields.get("version")),
        fields.get("changedBy"),
        fields.get("reason"),
        Instant.parse(fields.get("changedAt")));
  }

  /**
   * What makes {@code fields} no record, naming the first bad field and its value, or null when
   * they are a record. The same checks, in the same order, as {@code record_problem} in {@link
   * ModeScripts}.
   */
  public static String problem(Map<String, String> fields) {
    String mode = fields.get("mode");
    if (mode(mode) == null) {
      return breaks("mode", "one of off, warn, enforce", mode);
    }
    String percent = fields.get("percent");
    if (percent == null || !PERCENT.matcher(percent).matches()) {
      return breaks("percent", "an integer 0-100 without sign or leading zero", percent);
    }
    String version = fields.get("version");
    if (version == null || !VERSION.matcher(version).matches()) {
      return breaks(
          "version", "an integer 1-" + MAX_VERSION + " without sign or leading zero", version);
    }
    for (String name : new String[] {"changedBy", "reason"}) {
      if (fields.get(name) == null) {
        return breaks(name, "present", null);
      }
    }
    String changedAt = fields.get("changedAt");
    if (!isInstant(changedAt)) {
      return breaks("changedAt", "a UTC time like 2026-01-19T10:00:00.123Z", changedAt);
    }
    return null;
  }

  /**
   * The record a full change message carries, or null for the short form or a message that does not
   * parse (the reader then reads the record from Redis instead).
   */
  public static ModeRecord fromMessage(String message, long version) {
    String[] lines = message.split("\n", 6);
    if (lines.length != 6) {
      return null;
    }
    Map<String, String> fields =
        Map.of(
            "mode", lines[1],
            "percent", lines[2],
            "version", Long.toString(version),
            "changedBy", lines[4],
            "reason", lines[5],
            "changedAt", lines[3]);
    return problem(fields) == null ? decode("message", fields) : null;
  }

  private static ValidationMode mode(String value) {
    for (ValidationMode mode : ValidationMode.values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    return null;
  }

  private static boolean isInstant(String value) {
    if (value == null || !INSTANT.matcher(value).matches()) {
      return false;
    }
    try {
      Instant.parse(value); // the pattern leaves the day of the month to the calendar
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String breaks(String field, String rule, String value) {
    return "field '"
        + field
        + "' must be "
        + rule
        + " but was "
        + (value == null ? "missing" : "'" + value + "'");
  }
}
