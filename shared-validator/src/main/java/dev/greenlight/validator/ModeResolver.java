package dev.greenlight.validator;

import dev.greenlight.validator.internal.ModeKeys;
import dev.greenlight.validator.internal.ModeRecordCodec;
import dev.greenlight.validator.internal.SurfaceMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation mode of one surface as the request path sees it: {@link #current()} answers from
 * memory, never from the network.
 *
 * <p>Two things keep that memory fresh: a subscription to the change channel, whose messages carry
 * the new record and are applied as they arrive, and a background thread that re-reads the record
 * every refresh interval as a backstop. When Redis cannot be reached it keeps the last-known record
 * (or, if it never read one, the configured default, which is off or warn but never enforce), logs
 * one WARN per outage starting with {@code [stage-mode] Redis connect failed}, sets {@code
 * stage_mode_fallback} to 1, counts each failed refresh in {@code stage_mode_fallbacks_total}, and
 * retries every interval until Redis answers again, then resubscribes, sets the gauge back to 0 and
 * logs an INFO.
 *
 * <p>An unreadable record (a field that breaks its rule, a key of another type) counts as no
 * record, not as an outage: Redis answered, and what it holds says nothing, so the resolver serves
 * the configured default, never a last-known enforce it can no longer justify. It logs one WARN per
 * episode starting with {@code [stage-mode] mode record for surface S is unreadable}, sets {@code
 * stage_mode_unreadable} to 1, counts each such read in {@code stage_mode_fallbacks_total}, and
 * follows the first readable record written again (the webhook's downgrade replaces an unreadable
 * one), logging an INFO.
 *
 * <p>The caller builds and closes the {@link RedisClient}; the resolver owns its two connections
 * (commands, pub/sub) and its thread, and releases them in {@link #close()}. Thread-safe.
 */
public final class ModeResolver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModeResolver.class);

  private final RedisClient client;
  private final String surface;
  private final String channel;
  private final ModeRecord defaultRecord;
  private final SurfaceMetrics metrics;
  private final ModeStore store;
  private final ScheduledExecutorService refresher;

  private volatile ModeRecord current;
  private volatile boolean fallback;
  private volatile boolean unreadable;
  private volatile boolean closed;

  /** Orders a read against messages applied while it was in flight; guards current's writes. */
  private final Object applyLock = new Object();

  private long messagesApplied; // guarded by applyLock

  /** Touched only by the refresher thread (and by close once that thread has ended). */
  private StatefulRedisPubSubConnection<String, String> pubSub;

  private ModeResolver(Builder builder) {
    this.client = builder.client;
    this.surface = builder.surface;
    this.channel = new ModeKeys(builder.keyPrefix).channel();
    this.defaultRecord = ModeRecord.defaultOf(builder.defaultMode);
    this.metrics = builder.metrics == null ? null : builder.metrics.surface(surface);
    this.store = new ModeStore(client, builder.keyPrefix, builder.timeout);
    this.current = defaultRecord;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "stage-mode-" + surface);
              thread.setDaemon(true);
              return thread;
            });
    show(defaultRecord);
  }

  /** A builder for a resolver reading through {@code client}, which the caller keeps and closes. */
  public static Builder builder(RedisClient client) {
    return new Builder(client);
  }

  static ModeResolver start(Builder builder) {
    ModeResolver resolver = new ModeResolver(builder);
    // Read once before returning, so a service that starts while Redis is up serves the stored
    // mode from its first request; a Redis that does not answer delays the start by two timeouts
    // at most.
    Future<?> first = resolver.refresher.submit(resolver::refresh);
    try {
      first.get(builder.timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // refresh() handles its own failures; a slow first read simply finishes in the background.
    }
    long every = builder.refreshInterval.toMillis();
    resolver.refresher.scheduleWithFixedDelay(
        resolver::refresh, every, every, TimeUnit.MILLISECONDS);
    return resolver;
  }

  /** The record in force: the last one read, or the default before any was. Never null. */
  public ModeRecord current() {
    return current;
  }

  /** Whether the last refresh failed, so {@link #current()} may be out of date. */
  public boolean isFallback() {
    return fallback;
  }

  public String surface() {
    return surface;
  }

  private void refresh() {
    if (closed) {
      return;
    }
    try {
      if (pubSub != null && !pubSub.isOpen()) {
        dropSubscription();
      }
      if (pubSub == null) {
        // Subscribe before reading, so a change published in between is not missed.
        pubSub = subscribe();
      }
      long messagesBefore;
      synchronized (applyLock) {
        messagesBefore = messagesApplied;
      }
      ModeRecord stored;
      String problem = null;
      try {
        stored = store.read(surface).orElse(defaultRecord);
      } catch (UnreadableModeRecordException e) {
        // No record, not an outage: serving a last-known enforce would keep rejecting on a record
        // that no longer says so.
        stored = defaultRecord;
        problem = e.problem();
      }
      ModeRecord before;
      synchronized (applyLock) {
        before = current;
        // A message applied during the read is newer than what the read saw: keep it.
        if (messagesApplied == messagesBefore) {
          current = stored;
        } else {
          stored = current;
          problem = null;
        }
        show(stored);
      }
      if (fallback) {
        fallback = false;
        if (metrics != null) {
          metrics.inFallback(false);
        }
        LOG.info(
            "[stage-mode] Redis reachable again for surface {}: serving {} at {}% (version {})",
            surface, stored.mode(), stored.enforcePercent(), stored.version());
      }
      if (problem != null) {
        unreadable(problem, before);
      } else if (unreadable) {
        unreadable = false;
        if (metrics != null) {
          metrics.unreadable(false);
        }
        LOG.info(
            "[stage-mode] mode record for surface {} is readable again: serving {} at {}%"
                + " (version {})",
            surface, stored.mode(), stored.enforcePercent(), stored.version());
      }
    } catch (ModeStoreUnavailableException | RedisException e) {
      failed("[stage-mode] Redis connect failed for surface {}: {}; {}", e);
    } catch (RuntimeException e) {
      // Refused (not authenticated, loading, …): Redis is as good as down, not the record
      // unreadable.
      failed("[stage-mode] mode read failed for surface {}: {}; {}", e);
    }
  }

  private void unreadable(String problem, ModeRecord before) {
    if (metrics != null) {
      metrics.fallback();
    }
    if (unreadable || closed) {
      return;
    }
    unreadable = true;
    if (metrics != null) {
      metrics.unreadable(true);
    }
    String instead =
        before.version() == 0
            ? ""
            : ", not the last-known "
                + before.mode()
                + " at "
                + before.enforcePercent()
                + "% (version "
                + before.version()
                + ")";
    LOG.warn(
        "[stage-mode] mode record for surface {} is unreadable: {}; serving the default mode {}{}"
            + " as if there were none, until a readable record is written",
        surface,
        problem,
        defaultRecord.mode(),
        instead);
  }

  private void failed(String message, RuntimeException cause) {
    dropSubscription();
    if (metrics != null) {
      metrics.fallback();
    }
    if (!fallback && !closed) {
      fallback = true;
      if (metrics != null) {
        metrics.inFallback(true);
      }
      ModeRecord kept = current;
      String serving =
          kept.version() == 0
              ? "serving the default mode " + kept.mode()
              : "serving last-known mode "
                  + kept.mode()
                  + " at "
                  + kept.enforcePercent()
                  + "% (version "
                  + kept.version()
                  + ")";
      LOG.warn(message, surface, cause.getMessage(), serving + " until it answers again");
    }
  }

  private StatefulRedisPubSubConnection<String, String> subscribe() {
    StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
    try {
      connection.setTimeout(store.timeout());
      connection.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String fromChannel, String message) {
              onMessage(message);
            }
          });
      connection.sync().subscribe(channel);
      return connection;
    } catch (RuntimeException e) {
      connection.closeAsync();
      throw e;
    }
  }

  /**
   * Runs on a Lettuce I/O thread, which must not block: applies the record the message carries, or
   * hands a read to the refresher when it carries none. Messages on one connection arrive in the
   * order the script published them, so the last one applied is the newest.
   */
  private void onMessage(String message) {
    long version = ModeKeys.versionIfAbout(message, surface);
    if (version < 0 || closed) {
      return;
    }
    ModeRecord carried = ModeRecordCodec.fromMessage(message, version);
    if (carried != null) {
      synchronized (applyLock) {
        messagesApplied++;
        current = carried;
        show(carried);
      }
      if (!unreadable) {
        return;
      }
      // A record was written over the unreadable one: read it now to end the episode.
    }
    try {
      refresher.execute(this::refresh);
    } catch (RejectedExecutionException e) {
      // Closing: nothing left to refresh.
    }
  }

  private void dropSubscription() {
    if (pubSub != null) {
      pubSub.closeAsync();
      pubSub = null;
    }
  }

  private void show(ModeRecord record) {
    if (metrics != null) {
      metrics.show(record);
    }
  }

  /** Stops the refresher and closes the resolver's connections; not the client. Idempotent. */
  @Override
  public void close() {
    closed = true;
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dropSubscription();
    store.close();
  }

  /**
   * Configures a {@link ModeResolver}; each setter checks its argument at once. Not thread-safe;
   * {@link #build()} may be called more than once, each call starting a new resolver.
   */
  public static final class Builder {
    private final RedisClient client;
    private String keyPrefix = ModeKeyPrefix.DEFAULT;
    private String surface;
    private ValidationMode defaultMode = ValidationMode.OFF;
    private Duration refreshInterval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(1);
    private ValidatorMetrics metrics;

    private Builder(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /** The prefix of every Redis name, {@code greenlight:} unless set. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
      return this;
    }

    /** The surface whose mode to follow; required. */
    public Builder surface(String surface) {
      this.surface = ModeKeys.checkSurface(surface);
      return this;
    }

    /**
     * The mode answered while no record has been read, {@code off} unless set.
     *
     * @throws IllegalArgumentException for {@code enforce}: without a readable record the API must
     *     never reject a value
     */
    public Builder defaultMode(ValidationMode defaultMode) {
      Objects.requireNonNull(defaultMode, "defaultMode must not be null");
      if (defaultMode == ValidationMode.ENFORCE) {
        throw new IllegalArgumentException(
            "defaultMode must be off or warn but was enforce: without a readable mode record"
                + " the validator must never reject");
      }
      this.defaultMode = defaultMode;
      return this;
    }

    /** How often to re-read as a backstop for a missed message, 5 s unless set; at least 10 ms. */
    public Builder refreshInterval(Duration refreshInterval) {
      this.refreshInterval = checkAtLeast("refreshInterval", refreshInterval, 10);
      return this;
    }

    /** How long one Redis command may take before Redis counts as down, 1 s unless set. */
    public Builder timeout(Duration timeout) {
      this.timeout = checkAtLeast("timeout", timeout, 1);
      return this;
    }

    /** Where to show the mode and count fallbacks; none unless set. */
    public Builder metrics(ValidatorMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
      return this;
    }

    /**
     * Starts the resolver: reads once (waiting at most two timeouts), then keeps refreshing in the
     * background. Redis being down is no error here: the resolver serves the default meanwhile.
     *
     * @throws IllegalStateException when no surface was set
     */
    public ModeResolver build() {
      if (surface == null) {
        throw new IllegalStateException("surface must be set before build()");
      }
      return ModeResolver.start(this);
    }

    private static Duration checkAtLeast(String name, Duration value, long minMillis) {
      Objects.requireNonNull(value, name + " must not be null");
      if (value.toMillis() < minMillis) {
        throw new IllegalArgumentException(
            name + " must be at least " + minMillis + " ms but was " + value);
      }
      return value;
    }
  }
}
