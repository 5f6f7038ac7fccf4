package dev.greenlight.starter;

import dev.greenlight.localservices.PostgresServer;
import dev.greenlight.localservices.RedisServer;

/**
 * The data services a local run works on: the PostgreSQL and the Redis a URL names, or embedded
 * ones where no URL is given. Shared by {@code greenlight dev-server} and {@code greenlight
 * rehearse}. Closing stops what was started here and leaves a configured server running.
 */
public record DataServers(PostgresServer postgres, RedisServer redis) implements AutoCloseable {
  /**
   * Starts or connects to both; a Redis that fails to start leaves no PostgreSQL running.
   *
   * @param dbUrl a PostgreSQL server, null for an embedded one
   * @param redisUrl a Redis server, null for an embedded one
   */
  public static DataServers start(String dbUrl, String redisUrl) {
    PostgresServer postgres =
        dbUrl == null ? PostgresServer.startEmbedded() : PostgresServer.connectTo(dbUrl);
    try {
      return new DataServers(
          postgres,
          redisUrl == null ? RedisServer.startEmbedded() : RedisServer.connectTo(redisUrl));
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** Redis, then PostgreSQL: the reverse of starting. */
  @Override
  public void close() {
    try {
      redis.close();
    } finally {
      postgres.close();
    }
  }
}
