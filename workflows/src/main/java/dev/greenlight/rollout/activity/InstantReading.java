package dev.greenlight.rollout.activity;

/** A value, or NaN with {@code error} set when the read failed or found no data. */
public record InstantReading(double value, String error) {}
