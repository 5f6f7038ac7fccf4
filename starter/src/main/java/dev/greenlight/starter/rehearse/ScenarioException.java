package dev.greenlight.starter.rehearse;

/** A scenario that cannot be used: the message names the file, the field and the rule. */
public final class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(message);
  }
}
