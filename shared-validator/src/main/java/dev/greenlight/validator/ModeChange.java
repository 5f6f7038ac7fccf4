package dev.greenlight.validator;

import java.util.Objects;

/**
 * A requested change of a surface's mode, as passed to {@link ModeStore#compareAndSet}: the new
 * mode and percentage, who asks and why. Every change is audited, so both are required.
 *
 * @param mode the new mode
 * @param enforcePercent 0–100, consulted only in {@link ValidationMode#ENFORCE}
 * @param changedBy who makes the change, not blank
 * @param reason why, not blank
 */
public record ModeChange(ValidationMode mode, int enforcePercent, String changedBy, String reason) {

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the value and the rule it breaks
   */
  public ModeChange {
    Objects.requireNonNull(mode, "mode must not be null");
    ModeRecord.checkPercent(enforcePercent);
    requireText("changedBy", changedBy);
    requireText("reason", reason);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " must not be blank but was " + (value == null ? "null" : "'" + value + "'"));
    }
  }
}
