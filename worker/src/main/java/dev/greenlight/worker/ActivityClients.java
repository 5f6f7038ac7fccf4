package dev.greenlight.worker;

import dev.greenlight.validator.ModeStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jdbi.v3.core.Jdbi;

/**
 * The clients the activities share, built once at the process edge: Jdbi for the database, a
 * Lettuce client and the {@link ModeStore} for Redis.
 *
 * <p>{@link #close()} closes what this built (the mode store, then the Redis client); Jdbi holds no
 * pool here, so it needs no closing. Thread-safe.
 */
public final class ActivityClients implements AutoCloseable {
  private final String jdbcUrl;
  private final Jdbi jdbi;
  private final RedisURI redisUri;
  private final RedisClient redis;
  private final String redisPrefix;
  private final ModeStore modeStore;

  private ActivityClients(String jdbcUrl, String redisUrl, String redisPrefix) {
    this.jdbcUrl = jdbcUrl;
    this.jdbi = Jdbi.create(jdbcUrl);
    this.redisUri = RedisURI.create(redisUrl);
    this.redis = RedisClient.create(redisUri);
    this.redisPrefix = redisPrefix;
    this.modeStore = new ModeStore(redis, redisPrefix);
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
  }
}
