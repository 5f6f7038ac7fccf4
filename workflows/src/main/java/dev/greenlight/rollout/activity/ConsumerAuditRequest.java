package dev.greenlight.rollout.activity;

import java.util.List;

/** Classify the consumers in {@code accessLog} by client network and user agent. */
public record ConsumerAuditRequest(
    String accessLog, List<String> internalCidrs, List<String> internalUserAgents) {}
