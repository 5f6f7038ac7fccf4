package dev.greenlight.worker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.greenlight.validator.ModeStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jdbi.v3.core.Jdbi;

/**
 * The clients the activities share, built once at the process edge: Jdbi over a small connection
 * pool for the database, a Lettuce client and the {@link ModeStore} for Redis.
 *
 * <p>The pool matters because every mode flip writes an audit row: without it each write opened a
 * connection, with a TLS handshake when the server offers TLS (pgjdbc's default {@code
 * sslmode=prefer}). Connections the data plane needs for itself (scratch databases, {@code
 * pg_dump}) are opened apart from it. {@link #close()} closes what this built. Thread-safe.
 */
public final class ActivityClients implements AutoCloseable {
  private final String jdbcUrl;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final RedisURI redisUri;
  private final RedisClient redis;
  private final String redisPrefix;
  private final ModeStore modeStore;

  private ActivityClients(String jdbcUrl, String redisUrl, String redisPrefix) {
    this.jdbcUrl = jdbcUrl;
    this.pool = pool(jdbcUrl);
    this.jdbi = Jdbi.create(pool);
    this.redisUri = RedisURI.create(redisUrl);
    this.redis = RedisClient.create(redisUri);
    this.redisPrefix = redisPrefix;
    this.modeStore = new ModeStore(redis, redisPrefix);
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

  /** Builds the clients; connections open lazily, so this succeeds while a service is down. */
  public static ActivityClients connect(String jdbcUrl, String redisUrl, String redisPrefix) {
    return new ActivityClients(jdbcUrl, redisUrl, redisPrefix);
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public RedisURI redisUri() {
    return redisUri;
  }

  public RedisClient redis() {
    return redis;
  }

  public String redisPrefix() {
    return redisPrefix;
  }

  public ModeStore modeStore() {
    return modeStore;
  }

  @Override
  public void close() {
    modeStore.close();
    redis.shutdown();
    pool.close();
  }
}
