package dev.greenlight.dataplane.backup;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which format a new backup is taken in. {@code pg_dump} is the production default: it carries the
 * whole table (sequences, defaults, triggers, grants); {@code copy} needs only the JDBC connection;
 * {@code auto} uses {@code pg_dump} when it and {@code pg_restore} are found and new enough, and
 * the copy format otherwise — saying why in the backup's result.
 */
public enum BackupFormatPolicy {
  PG_DUMP("pg_dump"),
  COPY("copy"),
  AUTO("auto");

  /** The environment variable a worker and the CLI read it from. */
  public static final String ENV = "GREENLIGHT_BACKUP_FORMAT";

  private final String wireName;

  BackupFormatPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Every accepted name, for messages and help texts: "pg_dump, copy, auto". */
  public static String allowed() {
    return Arrays.stream(values())
        .map(BackupFormatPolicy::wireName)
        .collect(Collectors.joining(", "));
  }

  /**
   * The policy {@code value} names (case and surrounding blanks ignored).
   *
   * @param source where the value came from, for the message, e.g. {@value #ENV} or {@code
   *     --format}
   * @throws IllegalArgumentException naming the value, where it came from and the allowed ones
   */
  public static BackupFormatPolicy parse(String value, String source) {
    String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (BackupFormatPolicy policy : values()) {
      if (policy.wireName.equals(name)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        source + " must be one of " + allowed() + " but was '" + value + "'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
