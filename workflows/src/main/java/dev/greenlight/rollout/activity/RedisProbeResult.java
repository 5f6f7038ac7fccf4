package dev.greenlight.rollout.activity;

/**
 * @param getP99Micros the p99 of timed GETs
 * @param fallbackVerified whether a resolver cut off from Redis kept serving its last-known mode
 * @param detail what the probe saw
 */
public record RedisProbeResult(long getP99Micros, boolean fallbackVerified, String detail) {}
