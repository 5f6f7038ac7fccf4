package dev.greenlight.starter.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a finished (or horizon-stopped) trace against the safety invariants of {@code
 * docs/ARCHITECTURE.md}, each re-implemented from the plan's numbers and the trace's ground truth —
 * never by calling the workflow's window, verdict or threshold code, so the oracle cannot share the
 * workflow's bugs. Stateless and thread-safe: every call builds fresh checks, so many traces can be
 * checked concurrently and their reports merged ({@link OracleReport#merge}).
 */
public final class InvariantOracle {
  /** Every invariant's stable name, in the order reports list them. */
  public static final List<String> INVARIANTS =
      List.of(
          PromotionCheck.NAME,
          EnforceEntryCheck.NAME,
          ForeignWarnCheck.NAME,
          DowngradeCheck.NAME,
          FailedExecutionCheck.NAME,
          RetryAfterRollbackCheck.NAME,
          BackupBeforeApplyCheck.NAME,
          BoundedHistoryCheck.NAME);

  /**
   * Checks {@code log} as far as it saw: when the execution still ran at the end of the trace, the
   * trace's last event is taken as its horizon. Prefer {@link #check(TraceLog, long)} when the
   * horizon is known: checks whose deadline falls after the last event are then not skipped.
   */
  public OracleReport check(TraceLog log) {
    return check(log, Timeline.lastEventMillis(log));
  }

  /**
   * Checks {@code log}, which ran to {@code horizonMillis} (simulated). For an execution still
   * running then, a downgrade whose deadline lies beyond the horizon is not checked.
   */
  public OracleReport check(TraceLog log, long horizonMillis) {
    Horizon horizon = Horizon.of(log, Math.max(horizonMillis, Timeline.lastEventMillis(log)));
    List<Violation> violations = new ArrayList<>();
    Map<String, Long> checks = new LinkedHashMap<>();
    INVARIANTS.forEach(name -> checks.put(name, 0L));
    for (InvariantCheck check : checks(horizon)) {
      violations.addAll(check.check(log));
      checks.merge(check.invariant(), check.checks(), Long::sum);
    }
    return new OracleReport(violations, checks);
  }

  /** One fresh instance of every check. */
  static List<InvariantCheck> checks(Horizon horizon) {
    return List.of(
        new PromotionCheck(),
        new EnforceEntryCheck(),
        new ForeignWarnCheck(),
        new DowngradeCheck(horizon),
        new BreachDowngradeCheck(horizon),
        new FailedExecutionCheck(),
        new RetryAfterRollbackCheck(),
        new BackupBeforeApplyCheck(),
        new BoundedHistoryCheck());
  }
}
