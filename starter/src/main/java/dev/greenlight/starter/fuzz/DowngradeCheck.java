package dev.greenlight.starter.fuzz;

import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.starter.fuzz.TraceLog.Sent;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Safety invariants 3 and 9, for alerts: an alert sent while the record is ENFORCE (as it stood
 * just before the alert) leaves the record at {@code warn} (or {@code off}) within one poll —
 * whoever writes it, the webhook or the workflow — or, while mode writes fail, within a poll plus
 * the retry cap after the fault ends ({@link Deadlines}). An alert whose deadline the trace did not
 * reach is not checked ({@link Horizon}), nor one sent after the rollout ended. Breaches are {@link
 * BreachDowngradeCheck}'s; both report under one name.
 */
public final class DowngradeCheck extends CountingCheck {
  public static final String NAME = "downgrade-within-a-poll";

  private final Horizon horizon;

  DowngradeCheck(Horizon horizon) {
    super(NAME);
    this.horizon = horizon;
  }

  @Override
  public List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    long poll = log.plan().pollInterval().toMillis();
    long closedAt =
        "RUNNING".equals(log.closeStatus()) || log.transitions().isEmpty()
            ? Long.MAX_VALUE
            : log.transitions().get(log.transitions().size() - 1).atMillis();
    for (Sent alert : log.sent()) {
      if (!"alert".equals(alert.kind())) {
        continue;
      }
      long t = alert.atMillis();
      if (t > closedAt) {
        // The rollout has ended (e.g. COMPLETED with ENFORCE 100 %): the only downgrade left is
        // the webhook's own write, which the fuzz stages as `webhook-writes-warn`; a trace's alert
        // is the signal alone. The webhook's write is invariant 3's other half (ops tests).
        continue;
      }
      // The record the alert found: a write at the alert's own millisecond is its consequence
      // (the webhook writes warn, then signals), not what it fired over.
      ModeWrite record = Timeline.recordAt(log.modeWrites(), t - 1);
      if (record == null || record.mode() != ValidationMode.ENFORCE) {
        continue;
      }
      long deadline = Deadlines.downgradeBy(log.faults(), t, poll);
      if (!horizon.decides(deadline)) {
        continue;
      }
      count();
      if (Timeline.downgradeBetween(log.modeWrites(), t, deadline) == null) {
        violations.add(
            new Violation(
                NAME,
                t,
                "alert at "
                    + Timeline.time(t)
                    + " ("
                    + alert.answer()
                    + ") over "
                    + Timeline.describe(record)
                    + ": no warn written by "
                    + Timeline.time(deadline)));
      }
    }
    return violations;
  }
}
