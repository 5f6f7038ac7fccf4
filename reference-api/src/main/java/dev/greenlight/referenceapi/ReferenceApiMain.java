package dev.greenlight.referenceapi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.greenlight.validator.ModeKeyPrefix;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ModeSurfaceSetting;
import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidatorMetrics;
import io.lettuce.core.RedisClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference API process: builds the connection pool, Redis client, mode resolver and metrics
 * once from the environment and serves until the JVM is stopped.
 *
 * <ul>
 *   <li>{@code GREENLIGHT_DB_URL}: JDBC URL with credentials, default {@code
 *       jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
 *   <li>{@code REDIS_URL}: default {@code redis://127.0.0.1:6379}
 *   <li>{@code PORT}: default 8080; {@code BIND}: default 127.0.0.1
 *   <li>{@code GREENLIGHT_SURFACE}: the mode surface followed, default {@code stage-validation} —
 *       the name the webhook and the CLI read ({@link ModeSurfaceSetting})
 *   <li>{@code GREENLIGHT_REDIS_PREFIX}: the mode store's prefix, default {@code greenlight:} — the
 *       name the worker and the webhook read ({@link ModeKeyPrefix}; the former {@code
 *       GREENLIGHT_KEY_PREFIX} is still read, with a warning)
 * </ul>
 */
public final class ReferenceApiMain {

  static final int THREADS = 32;
  static final int POOL_SIZE = 16;

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceApiMain.class);

  private ReferenceApiMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty(ReferenceApi.NODELAY_PROPERTY, "true");
    Map<String, String> env = System.getenv();
    String dbUrl =
        env.getOrDefault(
            "GREENLIGHT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
    HikariDataSource pool = pool(dbUrl, POOL_SIZE);
    RedisClient redis = RedisClient.create(env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
    PrometheusRegistry registry = new PrometheusRegistry();
    ValidatorMetrics metrics = new ValidatorMetrics(registry, Endpoints.VALIDATED);
    ModeResolver modes =
        ModeResolver.builder(redis)
            .keyPrefix(ModeKeyPrefix.fromEnv(env))
            .surface(ModeSurfaceSetting.fromEnv(env))
            .defaultMode(ValidationMode.OFF)
            .metrics(metrics)
            .build();
    ReferenceApi api =
        new ReferenceApi(
                new InetSocketAddress(env.getOrDefault("BIND", "127.0.0.1"), port),
                Jdbi.create(pool),
                modes,
                metrics,
                registry,
                THREADS)
            .start();
    LOG.info("event=reference-api-started port={} mode={}", api.port(), modes.current());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  modes.close();
                  redis.shutdown();
                  pool.close();
                }));
  }

  /**
   * A pool that gives up on a connection after 2 s, so a database outage turns into quick 503s
   * instead of requests queueing for Hikari's default 30 s.
   */
  public static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(2_000);
    config.setPoolName("reference-api");
    return new HikariDataSource(config);
  }
}
