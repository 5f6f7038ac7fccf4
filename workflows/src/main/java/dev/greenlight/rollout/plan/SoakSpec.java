package dev.greenlight.rollout.plan;

import java.time.Duration;

/** ENFORCE at 100 % for {@code duration} with every canary gate green throughout. */
public record SoakSpec(Duration duration) {}
