package dev.greenlight.dataplane.backup;

/**
 * The format a backup will be taken in, the {@code pg_dump} to take it with (null for the copy
 * format) and why — the sentence a rehearsal prints, e.g. "pg_dump not found in /opt/pg/bin; used
 * the JDBC copy format".
 */
record FormatChoice(BackupFormat format, PgTools.Tool pgDump, String reason) {
  /**
   * Applies {@code policy}: {@code pg_dump} requires the tool (and fails as before when it is
   * unusable), {@code copy} needs none, {@code auto} falls back to the copy format when {@code
   * pg_dump} or {@code pg_restore} is missing or older than the server.
   *
   * @throws PgToolMissingException or {@link PgToolTooOldException} under the {@code pg_dump}
   *     policy only
   */
  static FormatChoice choose(BackupFormatPolicy policy, PgTools tools, ServerVersion server) {
    return switch (policy) {
      case PG_DUMP ->
          new FormatChoice(
              BackupFormat.PG_DUMP,
              tools.require("pg_dump", server.major(), server.text()),
              "pg_dump format, as configured");
      case COPY -> new FormatChoice(BackupFormat.COPY, null, "JDBC copy format, as configured");
      case AUTO -> auto(tools, server);
    };
  }

  private static FormatChoice auto(PgTools tools, ServerVersion server) {
    String unusable;
    try {
      PgTools.Tool pgDump = tools.require("pg_dump", server.major(), server.text());
      // The restore test needs pg_restore too; a dump nothing here can restore proves nothing.
      tools.require("pg_restore", server.major(), server.text());
      return new FormatChoice(
          BackupFormat.PG_DUMP,
          pgDump,
          "pg_dump format: pg_dump " + pgDump.major() + " found at " + pgDump.path());
    } catch (PgToolMissingException e) {
      unusable = e.tool() + " not found " + tools.where();
    } catch (PgToolTooOldException e) {
      unusable = e.tool() + " is older than the server (PostgreSQL " + server.text() + ")";
    }
    return new FormatChoice(BackupFormat.COPY, null, unusable + "; used the JDBC copy format");
  }
}
