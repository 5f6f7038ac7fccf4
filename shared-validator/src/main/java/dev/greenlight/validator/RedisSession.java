package dev.greenlight.validator;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.Function;

/**
 * The {@link ModeStore}'s one Redis connection: opened lazily (so a store can be built while Redis
 * is down), reopened after a failure, closed by {@link #close()}; the {@link RedisClient} stays the
 * caller's. Turns Redis failures into the store's exceptions. Thread-safe.
 */
final class RedisSession {
  private final RedisClient client;
  private final Duration timeout;
  private final Object lock = new Object();
  private StatefulRedisConnection<String, String> connection; // guarded by lock
  private boolean closed; // guarded by lock

  RedisSession(RedisClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * Runs {@code command}, described as {@code what} in failures.
   *
   * @throws ModeStoreUnavailableException when Redis cannot be reached or times out
   * @throws ModeStoreException when Redis refuses the command
   */
  <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
    StatefulRedisConnection<String, String> open = connection(what);
    try {
      return command.apply(open.sync());
    } catch (RedisCommandExecutionException e) {
      throw new ModeStoreException(what + " refused by Redis: " + e.getMessage(), e);
    } catch (RedisException e) {
      // Timeouts and dropped connections: start afresh next time rather than queue behind a
      // connection that may never come back.
      discard(open);
      throw unavailable(what, e);
    }
  }

  private StatefulRedisConnection<String, String> connection(String what) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("mode store is closed");
      }
      if (connection != null && !connection.isOpen()) {
        // Lettuce would queue commands until it reconnects; failing fast is what callers need.
        connection.closeAsync();
        connection = null;
      }
      if (connection == null) {
        try {
          connection = client.connect();
          connection.setTimeout(timeout);
        } catch (RedisException e) {
          throw unavailable(what, e);
        }
      }
      return connection;
    }
  }

  private void discard(StatefulRedisConnection<String, String> broken) {
    synchronized (lock) {
      if (connection == broken) {
        connection = null;
      }
    }
    broken.closeAsync();
  }

  private ModeStoreUnavailableException unavailable(String what, RedisException e) {
    return new ModeStoreUnavailableException(
        "Redis unavailable for " + what + ": " + e.getMessage(), e);
  }

  /** Closes the connection. Idempotent. */
  void close() {
    synchronized (lock) {
      closed = true;
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
