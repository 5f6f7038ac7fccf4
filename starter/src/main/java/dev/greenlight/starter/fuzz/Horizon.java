package dev.greenlight.starter.fuzz;

/**
 * How far a trace saw. A check whose deadline lies past the horizon of an execution still running
 * cannot be decided (the downgrade may land just after the trace stopped) and is not made; once the
 * execution has closed, nothing more will happen, so every deadline is decided.
 *
 * @param untilMillis the simulated time the trace ran to
 * @param closed whether the execution closed (any status but {@code RUNNING})
 */
record Horizon(long untilMillis, boolean closed) {
  static Horizon of(TraceLog log, long untilMillis) {
    return new Horizon(
        untilMillis, log.closeStatus() != null && !"RUNNING".equals(log.closeStatus()));
  }

  /** Whether what happened by {@code deadlineMillis} is known. */
  boolean decides(long deadlineMillis) {
    return closed || deadlineMillis <= untilMillis;
  }
}
