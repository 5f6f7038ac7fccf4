package dev.greenlight.rollout;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns a failed activity into one line a release manager can act on. Public so the frozen legacy
 * loop words failures exactly as the current one does.
 */
public final class Failures {
  private Failures() {}

  public static String describe(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage() + (app.getType() == null ? "" : " [" + app.getType() + "]");
    }
    return cause == null ? failure.getMessage() : cause.getMessage();
  }
}
