package dev.greenlight.rollout.activity;

import java.util.List;

/**
 * Consumers seen in the access log.
 *
 * @param linesRead log lines parsed
 * @param internalConsumers distinct internal clients
 * @param externalConsumers distinct external clients (IP and user agent), most requests first, at
 *     most 20
 */
public record ConsumerAuditResult(
    long linesRead, int internalConsumers, List<String> externalConsumers, int externalCount) {}
