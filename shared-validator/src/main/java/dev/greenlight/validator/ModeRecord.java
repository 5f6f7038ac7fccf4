package dev.greenlight.validator;

import java.time.Instant;
import java.util.Objects;

/**
 * The validation mode of one surface as stored in Redis: the mode, the canary enforce percentage,
 * the version that compare-and-set advances, and who changed it, why and when.
 *
 * <p>The percentage is consulted only in {@link ValidationMode#ENFORCE}: a consumer whose {@link
 * CanaryBucket} is below it is enforced. Version 0 marks a record that was never stored: the
 * configured default a resolver answers before it has read anything.
 *
 * @param mode the validation mode
 * @param enforcePercent 0–100, the share of consumers enforced in {@code ENFORCE}
 * @param version 0 for a default that was never stored, otherwise 1 and up
 * @param changedBy who made the change (a person, the workflow, the webhook)
 * @param reason why the change was made
 * @param changedAt when the change was made
 */
public record ModeRecord(
    ValidationMode mode,
    int enforcePercent,
    long version,
    String changedBy,
    String reason,
    Instant changedAt) {

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the value and the rule it breaks
   */
  public ModeRecord {
    Objects.requireNonNull(mode, "mode must not be null");
    checkPercent(enforcePercent);
    if (version < 0) {
      throw new IllegalArgumentException("version must be 0 or more but was " + version);
    }
    Objects.requireNonNull(changedBy, "changedBy must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(changedAt, "changedAt must not be null");
  }

  /** The record a resolver answers when it has no stored one: {@code mode}, version 0. */
  public static ModeRecord defaultOf(ValidationMode mode) {
    return new ModeRecord(
        mode, 0, 0, "default", "no stored mode record: configured default", Instant.EPOCH);
  }

  static void checkPercent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 0 and 100 but was " + percent);
    }
  }
}
