package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Safety invariant 9, for breaches: while a canary or soak runs with the record at ENFORCE, a
 * canary gate whose breach rule holds in the truth must bring a {@code warn} write within a poll
 * plus one gate step (the workflow polls on its own grid, not the oracle's) of the breach's first
 * sample time, with the same allowance for failing mode writes as alerts.
 *
 * <p>Two semantic decisions. A breach is checked only when it is <em>sustained</em>: it holds, with
 * reads working, at every step of the poll interval after it began — a poller cannot promise to see
 * a shorter one, and reporting it would make the oracle fail a correct workflow. And breaches in
 * WARN_EXIT are not checked: after the soak the workflow reads no canary gates, only the daily
 * unknown rate; Alertmanager's alerts (checked by {@link DowngradeCheck}) protect that phase.
 */
public final class BreachDowngradeCheck extends CountingCheck {
  public static final String NAME = DowngradeCheck.NAME;

  private final Horizon horizon;

  BreachDowngradeCheck(Horizon horizon) {
    super(NAME);
    this.horizon = horizon;
  }

  @Override
  public List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    for (long[] span : enforcedSpans(log)) {
      for (GateSpec gate : log.plan().canary().gates()) {
        if (TruthWindow.hasBreachRule(gate)) {
          episodes(log, gate, span[0], span[1], violations);
        }
      }
    }
    violations.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
    return violations;
  }

  /** Each breach run of {@code gate} inside {@code [from, to)}, checked once when sustained. */
  private void episodes(TraceLog log, GateSpec gate, long from, long to, List<Violation> out) {
    long step = gate.step().toMillis();
    long poll = log.plan().pollInterval().toMillis();
    long t = from + Math.floorMod(log.startMillis() - from, step);
    boolean inRun = false;
    for (; t < to; t += step) {
      if (!observable(log, gate, t)) {
        inRun = false;
        continue;
      }
      if (inRun) {
        continue;
      }
      inRun = true;
      if (!sustained(log, gate, t, poll)) {
        continue;
      }
      long deadline = Deadlines.downgradeBy(log.faults(), t, poll + step);
      if (!horizon.decides(deadline)) {
        continue;
      }
      count();
      if (Timeline.downgradeBetween(log.modeWrites(), t, deadline) == null) {
        out.add(
            new Violation(
                NAME,
                t,
                gate.name()
                    + " breached ("
                    + gate.breachFor().toMinutes()
                    + " min past "
                    + gate.breachThreshold()
                    + ") at "
                    + Timeline.time(t)
                    + " in ENFORCE: no warn written by "
                    + Timeline.time(deadline)));
      }
    }
  }

  private static boolean observable(TraceLog log, GateSpec gate, long t) {
    return TruthWindow.breachHolds(log.metrics(), gate, t)
        && !log.metrics().readFailsAt(gate.name(), t);
  }

  private static boolean sustained(TraceLog log, GateSpec gate, long from, long poll) {
    long step = gate.step().toMillis();
    for (long t = from; t <= from + poll; t += step) {
      if (!observable(log, gate, t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The spans, up to the horizon, in which the phase is CANARY or SOAK and the record is ENFORCE,
   * adjacent ones merged (a promotion from 10 % to 50 % does not end a breach run).
   */
  private List<long[]> enforcedSpans(TraceLog log) {
    TreeSet<Long> bounds = new TreeSet<>();
    log.transitions().forEach(t -> bounds.add(t.atMillis()));
    log.modeWrites().forEach(w -> bounds.add(w.atMillis()));
    long end = horizon.untilMillis();
    bounds.add(end);
    List<long[]> spans = new ArrayList<>();
    Long from = null;
    for (long b : bounds.headSet(end, true)) {
      boolean enforced = b < end && enforcedAt(log, b);
      if (enforced && from == null) {
        from = b;
      } else if (!enforced && from != null) {
        spans.add(new long[] {from, b});
        from = null;
      }
    }
    return spans;
  }

  private static boolean enforcedAt(TraceLog log, long at) {
    Phase phase = Timeline.phaseAt(log.transitions(), at);
    ModeWrite record = Timeline.recordAt(log.modeWrites(), at);
    return (phase == Phase.CANARY || phase == Phase.SOAK)
        && record != null
        && record.mode() == ValidationMode.ENFORCE;
  }
}
