package dev.greenlight.testsupport;

/** Naming of the per-test databases that {@code PostgresServer.createDatabase} makes. */
public final class TestDatabases {
  private TestDatabases() {}

  /**
   * The database a JDBC URL names: {@code jdbc:postgresql://host:5432/gl_x_1a2b?user=postgres}
   * gives {@code gl_x_1a2b}, what {@code PostgresServer.dropDatabase} takes.
   */
  public static String nameOf(String jdbcUrl) {
    String name = jdbcUrl.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    if (name.equals(jdbcUrl)) {
      throw new IllegalArgumentException("no database name in JDBC URL " + jdbcUrl);
    }
    return name;
  }
}
