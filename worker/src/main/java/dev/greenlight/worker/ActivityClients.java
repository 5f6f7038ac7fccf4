package dev.greenlight.worker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.greenlight.validator.ModeStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jdbi.v3.core.Jdbi;

/**
 * The clients the activities share, built once at the process edge by {@link #connect}: Jdbi over a
 * small connection pool for the database, a Lettuce client and the {@link ModeStore} for Redis.
 *
 * <p>The pool matters because every mode flip writes an audit row: without it each write opened a
 * connection, with a TLS handshake when the server offers TLS (pgjdbc's default {@code
 * sslmode=prefer}). Connections the data plane needs for itself (scratch databases, {@code
 * pg_dump}) are opened apart from it. {@link #close()} closes what {@link #connect} built.
 * Thread-safe.
 *
 * @param jdbcUrl the database the pool connects to
 * @param pool the connection pool under {@code jdbi}
 * @param jdbi the activities' way into the database
 * @param redisUri the Redis server {@code redis} connects to
 * @param redis the Lettuce client
 * @param redisPrefix the mode store's key prefix
 * @param modeStore the mode records, over {@code redis} under {@code redisPrefix}
 */
public record ActivityClients(
    String jdbcUrl,
    HikariDataSource pool,
    Jdbi jdbi,
    RedisURI redisUri,
    RedisClient redis,
    String redisPrefix,
    ModeStore modeStore)
    implements AutoCloseable {

  /** Builds the clients; connections open lazily, so this succeeds while a service is down. */
  public static ActivityClients connect(String jdbcUrl, String redisUrl, String redisPrefix) {
    HikariDataSource pool = pool(jdbcUrl);
    RedisURI redisUri = RedisURI.create(redisUrl);
    RedisClient redis = RedisClient.create(redisUri);
    return new ActivityClients(
        jdbcUrl,
        pool,
        Jdbi.create(pool),
        redisUri,
        redis,
        redisPrefix,
        new ModeStore(redis, redisPrefix));
  }

  /**
   * A few connections, none opened before the first use (so a worker starts while the database is
   * down); one that has idled for a minute is closed.
   */
  private static HikariDataSource pool(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("greenlight-activities");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setIdleTimeout(60_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    modeStore.close();
    redis.shutdown();
    pool.close();
  }
}
