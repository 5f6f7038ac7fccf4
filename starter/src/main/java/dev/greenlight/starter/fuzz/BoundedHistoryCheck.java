package dev.greenlight.starter.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Safety invariant 7: bounded history and carried state. Every run of the execution stays under
 * Temporal's 4,096-event suggestion, and the state carried across continue-as-new under 1 MiB. One
 * check per trace: the trace reports the largest run and the carried state already.
 */
public final class BoundedHistoryCheck extends CountingCheck {
  public static final String NAME = "bounded-history";

  public BoundedHistoryCheck() {
    super(NAME);
  }

  static final long MAX_EVENTS_PER_RUN = 4096;
  static final long MAX_CARRIED_BYTES = 1024 * 1024;

  @Override
  public List<Violation> check(TraceLog log) {
    count();
    List<Violation> violations = new ArrayList<>();
    long at = Timeline.lastEventMillis(log);
    if (log.maxEventsPerRun() >= MAX_EVENTS_PER_RUN) {
      violations.add(
          new Violation(
              NAME,
              at,
              "a run had "
                  + log.maxEventsPerRun()
                  + " history events (must stay under "
                  + MAX_EVENTS_PER_RUN
                  + ")"));
    }
    if (log.carriedStateBytes() >= MAX_CARRIED_BYTES) {
      violations.add(
          new Violation(
              NAME,
              at,
              "the carried state was "
                  + log.carriedStateBytes()
                  + " bytes (must stay under "
                  + MAX_CARRIED_BYTES
                  + ")"));
    }
    return violations;
  }
}
