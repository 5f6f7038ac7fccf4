package dev.greenlight.rollout;

import dev.greenlight.validator.ValidationMode;

/** One step of a rollout's history: when, into which phase and mode, and why. */
public record Transition(
    long atMillis, Phase phase, ValidationMode mode, int percent, String reason) {}
