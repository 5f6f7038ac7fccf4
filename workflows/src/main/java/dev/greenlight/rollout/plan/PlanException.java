package dev.greenlight.rollout.plan;

/** A plan that cannot be used: the message names the field, its line and the rule it broke. */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }

  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
