package dev.greenlight.rollout.activity;

/** Time {@code samples} GETs of the surface's mode key and prove the resolver's fallback. */
public record RedisProbeRequest(String surface, int samples) {}
