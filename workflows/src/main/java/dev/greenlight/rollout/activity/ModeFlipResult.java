package dev.greenlight.rollout.activity;

import dev.greenlight.validator.ValidationMode;

/** The mode record after a flip, with the version it got. */
public record ModeFlipResult(ValidationMode mode, int percent, long version) {}
