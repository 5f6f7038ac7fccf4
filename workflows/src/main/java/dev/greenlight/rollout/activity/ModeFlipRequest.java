package dev.greenlight.rollout.activity;

import dev.greenlight.validator.ValidationMode;

/** Set {@code surface} to {@code mode} at {@code percent}, recording who and why. */
public record ModeFlipRequest(
    String surface, ValidationMode mode, int percent, String changedBy, String reason) {}
