package dev.greenlight.validator;

import dev.greenlight.validator.internal.Json;
import java.util.Objects;

/**
 * What the API does with one {@code stage} value: the {@link Outcome} and the value to store.
 *
 * <p>Immutable and thread-safe. The validator hands out shared instances for known values, so
 * compare outcomes, not identities.
 *
 * @param outcome the decision; never null
 * @param stage the value to store: the canonical spelling when {@link Outcome#ACCEPTED}, otherwise
 *     the value as sent (possibly null). For {@link Outcome#REJECTED} nothing should be stored;
 *     this is the rejected value.
 * @param canonical the canonical stage when the value was recognised, otherwise null (always null
 *     in off)
 */
public record ValidationResult(Outcome outcome, String stage, Stage canonical) {
  /** The decision on one value. */
  public enum Outcome {
    /**
     * Mode off: store the value as sent. It was classified only to be counted (the shadow check
     * behind the baseline unknown fraction), never acted on.
     */
    PASSED_UNTOUCHED("passed_untouched"),
    /** The value is a known stage: store its canonical spelling. */
    ACCEPTED("accepted"),
    /** The value is unknown but not enforced: store it as sent; it was counted and logged. */
    ACCEPTED_UNKNOWN("accepted_unknown"),
    /** The value is unknown and enforced: answer 400 with {@link #errorBody()}. */
    REJECTED("rejected");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** The value of the {@code outcome} metric label. */
    public String label() {
      return label;
    }
  }

  public ValidationResult {
    Objects.requireNonNull(outcome, "outcome must not be null");
  }

  public boolean isRejected() {
    return outcome == Outcome.REJECTED;
  }

  /**
   * The JSON body of the 400 answer for a rejected value, such as {@code
   * {"error":"invalid-stage","value":"series z","allowed":["pre-seed",…]}}, with the value
   * JSON-escaped.
   *
   * @throws IllegalStateException when the value was not rejected
   */
  public String errorBody() {
    if (outcome != Outcome.REJECTED) {
      throw new IllegalStateException(
          "only a rejected value has an error body, this was " + outcome);
    }
    StringBuilder body = new StringBuilder(64 + (stage == null ? 4 : stage.length()));
    body.append("{\"error\":\"invalid-stage\",\"value\":");
    if (stage == null) {
      body.append("null");
    } else {
      Json.appendString(body, stage);
    }
    body.append(",\"allowed\":[");
    String separator = "";
    for (String allowed : Stage.wireNames()) {
      body.append(separator);
      Json.appendString(body, allowed);
      separator = ",";
    }
    return body.append("]}").toString();
  }

  @Override
  public String toString() {
    return outcome + (stage == null ? "" : "(" + stage + ")");
  }
}
