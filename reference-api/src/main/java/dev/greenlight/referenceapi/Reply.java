package dev.greenlight.referenceapi;

/**
 * An answer decided by a handler: status, JSON body, and the validator's outcome label when a stage
 * was validated (sent as {@code X-Stage-Outcome}, so clients and tests can see the decision without
 * parsing metrics).
 */
record Reply(int status, String json, String stageOutcome) {
  static Reply of(int status, String json) {
    return new Reply(status, json, null);
  }

  static Reply error(int status, String error, String message) {
    return of(status, Json.object("error", error, "message", message));
  }
}
