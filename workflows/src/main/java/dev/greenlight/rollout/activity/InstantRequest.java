package dev.greenlight.rollout.activity;

/** Evaluate {@code query} at {@code atMillis} (workflow time). */
public record InstantRequest(String name, String query, long atMillis) {}
