package dev.greenlight.rollout.legacy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** Turns a failed activity into one line a release manager can act on. */
final class Failures {
  private Failures() {}

  static String describe(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage() + (app.getType() == null ? "" : " [" + app.getType() + "]");
    }
    return cause == null ? failure.getMessage() : cause.getMessage();
  }

  static boolean isType(ActivityFailure failure, String type) {
    return failure.getCause() instanceof ApplicationFailure app && type.equals(app.getType());
  }
}
