package dev.greenlight.localservices;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The PostgreSQL and Redis every test in a JVM shares: the servers named by {@code
 * GREENLIGHT_TEST_DB_URL} and {@code GREENLIGHT_TEST_REDIS_URL}, or embedded ones started on first
 * use and stopped when the JVM exits.
 *
 * <p>Tests isolate themselves inside these servers: a database each ({@link
 * PostgresServer#createDatabase}) and a key prefix each in Redis.
 */
public final class TestServices {
  public static final String DB_URL_ENV = "GREENLIGHT_TEST_DB_URL";
  public static final String REDIS_URL_ENV = "GREENLIGHT_TEST_REDIS_URL";

  private TestServices() {}

  public static PostgresServer postgres() {
    return PostgresHolder.SERVER;
  }

  public static RedisServer redis() {
    return RedisHolder.SERVER;
  }

  // Holder classes start each server lazily, once, on first use.
  private static final class PostgresHolder {
    static final PostgresServer SERVER =
        shared(DB_URL_ENV, PostgresServer::connectTo, PostgresServer::startEmbedded);
  }

  private static final class RedisHolder {
    static final RedisServer SERVER =
        shared(REDIS_URL_ENV, RedisServer::connectTo, RedisServer::startEmbedded);
  }

  /**
   * The server at the URL in {@code envVar}, or an embedded one when it is unset or blank; closed
   * when the JVM exits.
   */
  private static <S extends AutoCloseable> S shared(
      String envVar, Function<String, S> connectTo, Supplier<S> startEmbedded) {
    String url = System.getenv(envVar);
    return closeAtExit(url == null || url.isBlank() ? startEmbedded.get() : connectTo.apply(url));
  }

  private static <T extends AutoCloseable> T closeAtExit(T server) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // The JVM is exiting; nothing is left to tell.
                  }
                }));
    return server;
  }
}
