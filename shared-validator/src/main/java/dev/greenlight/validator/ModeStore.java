package dev.greenlight.validator;

import dev.greenlight.validator.internal.ModeKeys;
import dev.greenlight.validator.internal.ModeRecordCodec;
import dev.greenlight.validator.internal.ModeScripts;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis store of validation modes: one versioned record per surface, changed only by
 * compare-and-set, every change appended to an audit stream and published on a channel.
 *
 * <p>Under a key prefix {@code P}, surface {@code S} lives in the hash {@code P mode:S}, its audit
 * trail in the stream {@code P mode-audit:S}, and every change is published on {@code P
 * mode-changes} (the message format is {@code ModeScripts}'s, read by {@link ModeResolver}).
 *
 * <p>Writers change a record through {@link #write}: read, decide by a {@link ModeWriteRule},
 * compare-and-set, and read again when someone else wrote in between — the one mode protocol the
 * rollout's activity, the CLI's lever and tests share. {@link #downgradeToWarn} is the webhook's
 * single-script downgrade; {@link #compareAndSet} is the primitive under both.
 *
 * <p>The caller builds the {@link RedisClient} and closes it; the store opens its own connection
 * lazily, reopens it after a failure and closes it in {@link #close()}. So a store can be built
 * while Redis is down. Thread-safe.
 *
 * <p>What a record is (the rule for each field) is defined once, in {@code ModeRecordCodec}, and
 * the scripts apply the same rules: they never write a record a reader could not read, and they
 * judge a stored record readable exactly when a reader does. An unreadable record is overwritten
 * only by {@link #downgradeToWarn}, the one operation that writes whatever is stored.
 *
 * <p>Failures: {@link StaleModeVersionException} when a compare-and-set loses, {@link
 * UnreadableModeRecordException} when the stored record cannot be read, {@link
 * ModeStoreUnavailableException} when Redis cannot be reached or times out, {@link
 * ModeStoreException} for anything else Redis refuses.
 */
public final class ModeStore implements AutoCloseable {
  /** How long one command may take: longer means Redis is as good as down. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Compare-and-set attempts of one {@link #write}: each lost attempt means another writer came
   * first, and five in a row means writers are fighting, which a person should look at.
   */
  public static final int WRITE_ATTEMPTS = 5;

  private static final int MAX_HISTORY = 1000;

  private final ModeKeys keys;
  private final Duration timeout;
  private final RedisSession session;

  /** A store under {@code keyPrefix} with {@link #DEFAULT_TIMEOUT}. */
  public ModeStore(RedisClient client, String keyPrefix) {
    this(client, keyPrefix, DEFAULT_TIMEOUT);
  }

  /** A store under {@code keyPrefix} whose commands give up after {@code timeout}. */
  public ModeStore(RedisClient client, String keyPrefix, Duration timeout) {
    Objects.requireNonNull(client, "client must not be null");
    this.keys = new ModeKeys(keyPrefix);
    this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    this.session = new RedisSession(client, timeout);
  }

  /**
   * The stored record of {@code surface}, or empty when none was ever written.
   *
   * @throws UnreadableModeRecordException when a record is stored but cannot be read
   */
  public Optional<ModeRecord> read(String surface) {
    String key = keys.modeKey(surface);
    Map<String, String> fields =
        session.call(
            "read " + key,
            commands -> {
              try {
                return commands.hgetall(key);
              } catch (RedisCommandExecutionException e) {
                if (String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
                  throw new UnreadableModeRecordException(
                      key, "the key holds a " + commands.type(key) + ", not a hash");
                }
                throw e;
              }
            });
    return fields.isEmpty() ? Optional.empty() : Optional.of(ModeRecordCodec.decode(key, fields));
  }

  /**
   * Writes {@code change} as version {@code expectedVersion + 1} if the stored version is still
   * {@code expectedVersion} (0: no record yet), audits it and publishes it, all in one atomic
   * script.
   *
   * @return the record as written
   * @throws StaleModeVersionException naming both versions when another write came first
   * @throws UnreadableModeRecordException when the stored record cannot be read: nothing is written
   *     (only {@link #downgradeToWarn} writes over it)
   */
  public ModeRecord compareAndSet(String surface, long expectedVersion, ModeChange change) {
    Objects.requireNonNull(change, "change must not be null");
    if (expectedVersion < 0 || expectedVersion >= ModeRecordCodec.MAX_VERSION) {
      throw new IllegalArgumentException(
          "expectedVersion must be between 0 and "
              + (ModeRecordCodec.MAX_VERSION - 1)
              + " but was "
              + expectedVersion);
    }
    Instant now = Instant.now();
    List<Object> reply =
        runWriteScript(
            "compare-and-set",
            ModeScripts.COMPARE_AND_SET,
            surface,
            change,
            now,
            Long.toString(expectedVersion),
            change.mode().wireName(),
            Integer.toString(change.enforcePercent()));
    long status = (Long) reply.get(0);
    if (status == -1) {
      throw new UnreadableModeRecordException(keys.modeKey(surface), (String) reply.get(1));
    }
    long version = (Long) reply.get(1);
    if (status != 1) {
      throw new StaleModeVersionException(surface, expectedVersion, version);
    }
    return new ModeRecord(
        change.mode(), change.enforcePercent(), version, change.changedBy(), change.reason(), now);
  }

  /**
   * Writes {@code change} unless the record already says it, over the records {@code rule} allows,
   * reading again and retrying the compare-and-set (at most {@value #WRITE_ATTEMPTS} attempts) when
   * someone else wrote in between. Each retry decides anew on what is stored then, so a record
   * another writer put there in between is refused, never overwritten, when {@code rule} is
   * conditional.
   *
   * <p>An unreadable record is replaced only when {@code change} is warn at 0 %, through {@link
   * #downgradeToWarn}; any other change over it is refused with an exception, because a downgrade
   * must never be lost behind a record nobody can read.
   *
   * @throws UnreadableModeRecordException when the record is unreadable and {@code change} is not
   *     warn at 0 %: nothing is written
   * @throws StaleModeVersionException when other writers came first {@value #WRITE_ATTEMPTS} times
   */
  public ModeWrite write(String surface, ModeChange change, ModeWriteRule rule) {
    Objects.requireNonNull(change, "change must not be null");
    Objects.requireNonNull(rule, "rule must not be null");
    boolean downgrade = change.mode() == ValidationMode.WARN && change.enforcePercent() == 0;
    ModeStoreException lastConflict = null;
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      Optional<ModeRecord> current;
      try {
        current = read(surface);
      } catch (UnreadableModeRecordException e) {
        if (!downgrade) {
          throw e;
        }
        ModeDowngrade replaced = downgradeToWarn(surface, change.changedBy(), change.reason());
        if (replaced.wroteWarn()) {
          return new ModeWrite(
              replaced.outcome() == ModeDowngrade.Outcome.REPLACED_UNREADABLE
                  ? ModeWrite.Outcome.REPLACED_UNREADABLE
                  : ModeWrite.Outcome.WRITTEN,
              Optional.empty(),
              replaced.stored(),
              replaced.replacedProblem());
        }
        // Readable again (or deleted) by the time the script ran: decide on what is there now.
        lastConflict = e;
        continue;
      }
      if (current.isPresent() && rule.alreadySet(change, current.get())) {
        return new ModeWrite(ModeWrite.Outcome.ALREADY_SET, current, current, Optional.empty());
      }
      if (!rule.allowsWriteOver(change, current)) {
        return new ModeWrite(ModeWrite.Outcome.REFUSED, current, current, Optional.empty());
      }
      try {
        ModeRecord written =
            compareAndSet(surface, current.map(ModeRecord::version).orElse(0L), change);
        return new ModeWrite(
            ModeWrite.Outcome.WRITTEN, current, Optional.of(written), Optional.empty());
      } catch (StaleModeVersionException e) {
        lastConflict = e;
      }
    }
    throw lastConflict instanceof StaleModeVersionException stale
        ? stale
        : new ModeStoreException(
            "mode record of "
                + surface
                + " kept changing under "
                + WRITE_ATTEMPTS
                + " attempts to write "
                + change.mode().wireName()
                + ": "
                + lastConflict.getMessage(),
            lastConflict);
  }

  /**
   * Downgrades {@code surface} to {@link ValidationMode#WARN} at 0 % whatever is stored: the
   * downgrade an alert asks for, decided and written in one atomic script, so no other writer can
   * come in between and nothing is retried.
   *
   * <ul>
   *   <li>a readable {@code enforce} record: warn is written as the next version;
   *   <li>an unreadable record (a field that breaks its rule, a key of another type): it is
   *       replaced by warn as one more than the largest version found in it or in the newest audit
   *       entries, so versions still only grow; the audit entry names what was wrong;
   *   <li>a readable {@code off} or {@code warn} record: nothing is written (over off, warn would
   *       be an upgrade; over warn, a version that changes nothing);
   *   <li>no record: nothing is written; readers serve their default, which is never enforce.
   * </ul>
   *
   * Every write is audited and published like a compare-and-set.
   *
   * @throws ModeStoreUnavailableException when Redis cannot be reached; it may have been written
   */
  public ModeDowngrade downgradeToWarn(String surface, String changedBy, String reason) {
    ModeChange change = new ModeChange(ValidationMode.WARN, 0, changedBy, reason);
    Instant now = Instant.now();
    List<Object> reply =
        runWriteScript("downgrade to warn", ModeScripts.DOWNGRADE_TO_WARN, surface, change, now);
    return ModeDowngrade.fromScriptReply(keys.modeKey(surface), reply, change, now);
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
        session.call(
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

  /**
   * Runs a mode script over {@code surface}'s record and audit stream with {@code args}, then the
   * channel and the surface to publish on, as both scripts take them.
   */
  /**
   * Runs a script that writes the mode record. Its arguments are {@code args}, then what every such
   * script needs for the audit entry and the publish: who, why, when, the channel and the surface.
   */
  private List<Object> runWriteScript(
      String what, String script, String surface, ModeChange change, Instant now, String... args) {
    String[] scriptKeys = {keys.modeKey(surface), keys.auditKey(surface)};
    String[] scriptArgs = Arrays.copyOf(args, args.length + 5);
    scriptArgs[args.length] = change.changedBy();
    scriptArgs[args.length + 1] = change.reason();
    scriptArgs[args.length + 2] = now.toString();
    scriptArgs[args.length + 3] = keys.channel();
    scriptArgs[args.length + 4] = surface;
    return session.call(
        what + " " + scriptKeys[0],
        commands -> commands.eval(script, ScriptOutputType.MULTI, scriptKeys, scriptArgs));
  }

  /** Closes the store's connection; the {@link RedisClient} stays open. Idempotent. */
  @Override
  public void close() {
    session.close();
  }
}
