package dev.greenlight.validator;

import dev.greenlight.validator.internal.ModeKeys;
import dev.greenlight.validator.internal.ModeRecordCodec;
import dev.greenlight.validator.internal.ModeScripts;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Redis store of validation modes: one versioned record per surface, changed only by
 * compare-and-set, every change appended to an audit stream and published on a channel.
 *
 * <p>Under a key prefix {@code P}, surface {@code S} lives in the hash {@code P mode:S}, its audit
 * trail in the stream {@code P mode-audit:S}, and changes are published on {@code P mode-changes}
 * as {@code "<version> <surface>"}.
 *
 * <p>The caller builds the {@link RedisClient} and closes it; the store opens its own connection
 * lazily, reopens it after a failure and closes it in {@link #close()}. So a store can be built
 * while Redis is down. Thread-safe.
 *
 * <p>Failures: {@link StaleModeVersionException} when a compare-and-set loses, {@link
 * ModeStoreUnavailableException} when Redis cannot be reached or times out, {@link
 * ModeStoreException} for anything else Redis refuses or a stored record that cannot be read.
 */
public final class ModeStore implements AutoCloseable {
  /** How long one command may take: longer means Redis is as good as down. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final int FORCE_WARN_ATTEMPTS = 10;
  private static final int MAX_HISTORY = 1000;

  private final RedisClient client;
  private final ModeKeys keys;
  private final Duration timeout;
  private final Object lock = new Object();
  private StatefulRedisConnection<String, String> connection; // guarded by lock
  private boolean closed; // guarded by lock

  /** A store under {@code keyPrefix} with {@link #DEFAULT_TIMEOUT}. */
  public ModeStore(RedisClient client, String keyPrefix) {
    this(client, keyPrefix, DEFAULT_TIMEOUT);
  }

  /** A store under {@code keyPrefix} whose commands give up after {@code timeout}. */
  public ModeStore(RedisClient client, String keyPrefix, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client must not be null");
    this.keys = new ModeKeys(keyPrefix);
    this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
  }

  /** The stored record of {@code surface}, or empty when none was ever written. */
  public Optional<ModeRecord> read(String surface) {
    String key = keys.modeKey(surface);
    Map<String, String> fields = call("read " + key, commands -> commands.hgetall(key));
    return fields.isEmpty() ? Optional.empty() : Optional.of(ModeRecordCodec.decode(key, fields));
  }

  /**
   * Writes {@code change} as version {@code expectedVersion + 1} if the stored version is still
   * {@code expectedVersion} (0: no record yet), audits it and publishes it, all in one atomic
   * script.
   *
   * @return the record as written
   * @throws StaleModeVersionException naming both versions when another write came first
   */
  public ModeRecord compareAndSet(String surface, long expectedVersion, ModeChange change) {
    Objects.requireNonNull(change, "change must not be null");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException(
          "expectedVersion must be 0 or more but was " + expectedVersion);
    }
    String[] scriptKeys = {keys.modeKey(surface), keys.auditKey(surface)};
    Instant now = Instant.now();
    List<Object> reply =
        call(
            "compare-and-set " + scriptKeys[0],
            commands ->
                commands.eval(
                    ModeScripts.COMPARE_AND_SET,
                    ScriptOutputType.MULTI,
                    scriptKeys,
                    Long.toString(expectedVersion),
                    change.mode().wireName(),
                    Integer.toString(change.enforcePercent()),
                    change.changedBy(),
                    change.reason(),
                    now.toString(),
                    keys.channel(),
                    surface));
    long won = (Long) reply.get(0);
    long version = (Long) reply.get(1);
    if (won != 1) {
      throw new StaleModeVersionException(surface, expectedVersion, version);
    }
    return new ModeRecord(
        change.mode(), change.enforcePercent(), version, change.changedBy(), change.reason(), now);
  }

  /**
   * Sets {@code surface} to {@link ValidationMode#WARN} at 0 %, whatever it holds now: the
   * downgrade an alert triggers. Re-reads and retries when another writer wins, at most 10 times.
   * Always writes a new version, so each downgrade request shows in the audit trail.
   *
   * @throws ModeStoreException when other writers won all 10 attempts
   */
  public ModeRecord forceWarn(String surface, String changedBy, String reason) {
    ModeChange change = new ModeChange(ValidationMode.WARN, 0, changedBy, reason);
    StaleModeVersionException last = null;
    for (int attempt = 0; attempt < FORCE_WARN_ATTEMPTS; attempt++) {
      long expected = read(surface).map(ModeRecord::version).orElse(0L);
      try {
        return compareAndSet(surface, expected, change);
      } catch (StaleModeVersionException e) {
        last = e;
      }
    }
    throw new ModeStoreException(
        "could not force warn on surface "
            + surface
            + ": other writers won "
            + FORCE_WARN_ATTEMPTS
            + " attempts in a row",
        last);
  }

  /**
   * The last {@code limit} (1–1000) changes of {@code surface} from its audit stream, newest first.
   */
  public List<ModeRecord> history(String surface, int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_HISTORY + " but was " + limit);
    }
    String key = keys.auditKey(surface);
    List<StreamMessage<String, String>> entries =
        call(
            "history " + key,
            commands -> commands.xrevrange(key, Range.unbounded(), Limit.from(limit)));
    List<ModeRecord> records = new ArrayList<>(entries.size());
    for (StreamMessage<String, String> entry : entries) {
      records.add(ModeRecordCodec.decode(key + " entry " + entry.getId(), entry.getBody()));
    }
    return List.copyOf(records);
  }

  Duration timeout() {
    return timeout;
  }

  private <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
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

  /** Closes the store's connection; the {@link RedisClient} stays open. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
