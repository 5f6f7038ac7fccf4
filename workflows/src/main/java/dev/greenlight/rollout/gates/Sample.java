package dev.greenlight.rollout.gates;

/** One reading of a gate's query at {@code epochMillis}; {@code NaN} means no data at that time. */
public record Sample(long epochMillis, double value) {}
