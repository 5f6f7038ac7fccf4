package dev.greenlight.rollout;

/** Extends WARN by {@code days} before the canary may be retried. */
public record ExtendWarnInput(int days, String who, String why) {}
