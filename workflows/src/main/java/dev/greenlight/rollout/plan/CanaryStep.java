package dev.greenlight.rollout.plan;

import java.time.Duration;

/** One canary step: ENFORCE for {@code percent} % of consumers for at least {@code minDuration}. */
public record CanaryStep(int percent, Duration minDuration) {}
