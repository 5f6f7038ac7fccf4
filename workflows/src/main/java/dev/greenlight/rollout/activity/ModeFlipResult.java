package dev.greenlight.rollout.activity;

import dev.greenlight.validator.ValidationMode;

/**
 * The mode record after a flip, with the version it got.
 *
 * @param refused true when the record was not the version the request expected and nothing was
 *     written: the fields then describe the record someone else wrote
 * @param changedBy who wrote the record described
 * @param reason why they wrote it
 */
public record ModeFlipResult(
    ValidationMode mode,
    int percent,
    long version,
    boolean refused,
    String changedBy,
    String reason) {}
