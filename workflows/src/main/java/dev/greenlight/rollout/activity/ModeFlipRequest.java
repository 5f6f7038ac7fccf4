package dev.greenlight.rollout.activity;

import dev.greenlight.validator.ValidationMode;

/**
 * Set {@code surface} to {@code mode} at {@code percent}, recording who and why.
 *
 * @param expectedVersion when set, write only over this version of the record — the one the rollout
 *     wrote last — and otherwise report the record someone else wrote ({@link
 *     ModeFlipResult#refused()}); null writes over whatever is there (downgrades, and rollouts that
 *     started before the field existed)
 */
public record ModeFlipRequest(
    String surface,
    ValidationMode mode,
    int percent,
    String changedBy,
    String reason,
    Long expectedVersion) {

  /** A flip that writes over whatever is there. */
  public ModeFlipRequest(
      String surface, ValidationMode mode, int percent, String changedBy, String reason) {
    this(surface, mode, percent, changedBy, reason, null);
  }
}
