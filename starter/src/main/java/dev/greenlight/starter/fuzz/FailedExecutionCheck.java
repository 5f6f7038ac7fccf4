package dev.greenlight.starter.fuzz;

import java.util.List;
import java.util.Set;

/**
 * Safety invariant 9: no failure ends the execution. An execution that failed, was terminated or
 * timed out leaves whatever mode it had with nobody watching; every activity failure is meant to
 * have a defined outcome inside the workflow instead.
 */
public final class FailedExecutionCheck extends CountingCheck {
  public static final String NAME = "no-failed-execution";

  public FailedExecutionCheck() {
    super(NAME);
  }

  /** Close statuses that mean the workflow stopped without deciding how. */
  static final Set<String> FORBIDDEN = Set.of("FAILED", "TERMINATED", "TIMED_OUT");

  @Override
  public List<Violation> check(TraceLog log) {
    count();
    if (!FORBIDDEN.contains(log.closeStatus())) {
      return List.of();
    }
    long at = Timeline.lastEventMillis(log);
    return List.of(
        new Violation(
            NAME,
            at,
            "the execution closed "
                + log.closeStatus()
                + " in phase "
                + log.finalPhase()
                + " (last event at "
                + Timeline.time(at)
                + ")"));
  }
}
