package dev.greenlight.rollout.plan;

import java.time.Duration;
import java.util.List;

/**
 * Week-0 pre-flight: consumer audit, Redis probe, backup checksum, restore test and seeded rows.
 *
 * @param accessLog access log the consumer audit reads (combined log format)
 * @param internalCidrs client networks counted as internal consumers
 * @param internalUserAgents user-agent substrings counted as internal consumers
 * @param redisProbeSamples GETs timed by the Redis probe
 * @param redisMaxP99 the Redis probe's p99 budget
 * @param restoreTimeLimit the restore test's time budget
 * @param minSeededRows rows {@code portfolio_companies} must hold
 */
public record PreflightSpec(
    String accessLog,
    List<String> internalCidrs,
    List<String> internalUserAgents,
    int redisProbeSamples,
    Duration redisMaxP99,
    Duration restoreTimeLimit,
    long minSeededRows) {
  public PreflightSpec {
    internalCidrs = List.copyOf(internalCidrs);
    internalUserAgents = List.copyOf(internalUserAgents);
  }
}
