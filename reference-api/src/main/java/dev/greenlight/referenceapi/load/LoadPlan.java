package dev.greenlight.referenceapi.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a {@link LoadGenerator} run sends: to which loopback API, how many requests at most and for
 * how long at most, over how many consumer keys, with which mix of stage kinds and endpoints, and
 * at most how fast ({@code maxRequestsPerSecond}, 0 for unpaced).
 *
 * <p>Both bounds are required, so a run always ends by itself. Build with {@link #to(URI)}.
 */
public record LoadPlan(
    URI baseUri,
    long maxRequests,
    Duration maxDuration,
    int concurrency,
    int consumers,
    String consumerPrefix,
    Mix stageMix,
    Mix endpointMix,
    long seed,
    int maxRequestsPerSecond) {

  /**
   * Relative weights of three kinds, each drawn with probability weight / sum: canonical, alias and
   * unknown stage values, or create, update and list requests.
   */
  public record Mix(int first, int second, int third) {
    /** 0, 1 or 2 in proportion to the weights, using exactly one draw of {@code random}. */
    int pick(SplittableRandom random) {
      int roll = random.nextInt(first + second + third);
      return roll < first ? 0 : roll < first + second ? 1 : 2;
    }
  }

  /** At most this many requests in one run: a load test, not a soak. */
  public static final long MAX_REQUESTS_LIMIT = 10_000_000;

  /** At most this long: nothing a test or benchmark here needs runs longer. */
  public static final Duration MAX_DURATION_LIMIT = Duration.ofMinutes(10);

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the value and the rule, including a base URI whose host
   *     is not a loopback address
   */
  public LoadPlan {
    Objects.requireNonNull(baseUri, "baseUri must not be null");
    requireLoopback(baseUri);
    requireBetween("maxRequests", maxRequests, 1, MAX_REQUESTS_LIMIT);
    Objects.requireNonNull(maxDuration, "maxDuration must not be null");
    if (maxDuration.isNegative()
        || maxDuration.isZero()
        || maxDuration.compareTo(MAX_DURATION_LIMIT) > 0) {
      throw new IllegalArgumentException(
          "maxDuration must be positive and at most "
              + MAX_DURATION_LIMIT
              + " but was "
              + maxDuration);
    }
    requireBetween("concurrency", concurrency, 1, 256);
    requireBetween("consumers", consumers, 1, 1_000_000);
    Objects.requireNonNull(consumerPrefix, "consumerPrefix must not be null");
    requireMix("stage", stageMix, "canonical", "alias", "unknown");
    requireMix("endpoint", endpointMix, "create", "update", "list");
    requireBetween("maxRequestsPerSecond", maxRequestsPerSecond, 0, 1_000_000);
  }

  /**
   * A plan for {@code baseUri}: 1,000 requests within 30 s, 8 at a time, 100 consumers, all kinds.
   */
  public static LoadPlan to(URI baseUri) {
    return new LoadPlan(
        baseUri,
        1_000,
        Duration.ofSeconds(30),
        8,
        100,
        "consumer-",
        new Mix(8, 1, 1),
        new Mix(6, 2, 2),
        1L,
        0);
  }

  public LoadPlan withBounds(long requests, Duration duration) {
    return edit(
        d -> {
          d.maxRequests = requests;
          d.maxDuration = duration;
        });
  }

  public LoadPlan withConsumers(int count, String prefix, int parallel) {
    return edit(
        d -> {
          d.consumers = count;
          d.consumerPrefix = prefix;
          d.concurrency = parallel;
        });
  }

  /** Relative weights of canonical, alias and unknown stage values. */
  public LoadPlan withStageMix(int canonical, int alias, int unknown) {
    return edit(d -> d.stageMix = new Mix(canonical, alias, unknown));
  }

  /** Relative weights of create, update (of a company this run created) and list requests. */
  public LoadPlan withEndpointMix(int create, int update, int list) {
    return edit(d -> d.endpointMix = new Mix(create, update, list));
  }

  /**
   * At most {@code perSecond} requests a second over the whole run, 0 for as fast as the threads
   * go: a paced run leaves CPU to the services under test when they share a small machine.
   */
  public LoadPlan withRate(int perSecond) {
    return edit(d -> d.maxRequestsPerSecond = perSecond);
  }

  /** This plan with {@code change} applied to a copy of its fields, checked as any plan is. */
  private LoadPlan edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The fields of a plan being changed: one place that lists them all in order. */
  private static final class Draft {
    final URI baseUri;
    long maxRequests;
    Duration maxDuration;
    int concurrency;
    int consumers;
    String consumerPrefix;
    Mix stageMix;
    Mix endpointMix;
    final long seed;
    int maxRequestsPerSecond;

    Draft(LoadPlan from) {
      baseUri = from.baseUri;
      maxRequests = from.maxRequests;
      maxDuration = from.maxDuration;
      concurrency = from.concurrency;
      consumers = from.consumers;
      consumerPrefix = from.consumerPrefix;
      stageMix = from.stageMix;
      endpointMix = from.endpointMix;
      seed = from.seed;
      maxRequestsPerSecond = from.maxRequestsPerSecond;
    }

    LoadPlan build() {
      return new LoadPlan(
          baseUri,
          maxRequests,
          maxDuration,
          concurrency,
          consumers,
          consumerPrefix,
          stageMix,
          endpointMix,
          seed,
          maxRequestsPerSecond);
    }
  }

  /** The key of consumer {@code index}: the prefix and the index, zero-padded to 6 digits. */
  public String consumerKey(int index) {
    return consumerPrefix + String.format("%06d", index);
  }

  private static void requireLoopback(URI uri) {
    String host = uri.getHost();
    try {
      if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException(
            "the load generator only targets loopback addresses but the host was " + host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host " + host + " does not resolve", e);
    }
  }

  /** Each weight 0–1,000, named as {@code canonicalWeight} and so on, and not all of them 0. */
  private static void requireMix(String kinds, Mix mix, String first, String second, String third) {
    Objects.requireNonNull(mix, kinds + "Mix must not be null");
    requireBetween(first + "Weight", mix.first(), 0, 1_000);
    requireBetween(second + "Weight", mix.second(), 0, 1_000);
    requireBetween(third + "Weight", mix.third(), 0, 1_000);
    if (mix.first() + mix.second() + mix.third() == 0) {
      throw new IllegalArgumentException(kinds + " weights must not all be 0");
    }
  }

  private static void requireBetween(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + " but was " + value);
    }
  }
}
