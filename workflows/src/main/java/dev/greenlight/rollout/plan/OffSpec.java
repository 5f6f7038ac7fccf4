package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * Mode {@code off}: collect traffic and the baseline unknown fraction before warning.
 *
 * @param minDuration the least time spent in {@code off}
 * @param requestsPerEndpoint a gate whose value is the request count of the quietest endpoint
 * @param unknownBaselineQuery PromQL for the unknown fraction recorded as the baseline
 */
public record OffSpec(
    Duration minDuration, GateSpec requestsPerEndpoint, String unknownBaselineQuery) {}
