package dev.greenlight.validator.internal;

import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStoreException;
import dev.greenlight.validator.ValidationMode;
import java.time.Instant;
import java.util.Map;

/**
 * Reads a {@link ModeRecord} from the fields of a Redis hash or audit stream entry, as {@link
 * ModeScripts#COMPARE_AND_SET} writes them.
 */
public final class ModeRecordCodec {
  private ModeRecordCodec() {}

  /**
   * The record in {@code fields}, read from {@code where} (a key, for the message).
   *
   * @throws ModeStoreException naming the key and the bad field when a field is missing or invalid
   */
  public static ModeRecord decode(String where, Map<String, String> fields) {
    try {
      return new ModeRecord(
          ValidationMode.parse(required(fields, "mode")),
          Integer.parseInt(required(fields, "percent")),
          Long.parseLong(required(fields, "version")),
          required(fields, "changedBy"),
          required(fields, "reason"),
          Instant.parse(required(fields, "changedAt")));
    } catch (RuntimeException e) {
      throw new ModeStoreException(
          "mode record at " + where + " is unreadable: " + e.getMessage() + " in " + fields, e);
    }
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
    try {
      return new ModeRecord(
          ValidationMode.parse(lines[1]),
          Integer.parseInt(lines[2]),
          version,
          lines[4],
          lines[5],
          Instant.parse(lines[3]));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("field '" + name + "' is missing");
    }
    return value;
  }
}
