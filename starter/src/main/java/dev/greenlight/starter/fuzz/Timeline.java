package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.validator.ValidationMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Questions every check asks of a trace's logs — what the mode record said at a time, when a phase
 * was entered, whether a downgrade landed in a span — answered from the logs alone.
 */
final class Timeline {
  private Timeline() {}

  /** The record as it stood at {@code at}: the last write at or before it, null before any. */
  static ModeWrite recordAt(List<ModeWrite> writes, long at) {
    ModeWrite record = null;
    for (ModeWrite w : writes) {
      if (w.atMillis() > at) {
        break;
      }
      record = w;
    }
    return record;
  }

  /** The phase at {@code at}: the last transition at or before it, null before any. */
  static Phase phaseAt(List<Transition> transitions, long at) {
    Phase phase = null;
    for (Transition t : transitions) {
      if (t.atMillis() > at) {
        break;
      }
      phase = t.phase();
    }
    return phase;
  }

  /**
   * The transitions that entered one of {@code phases} (the phase before was another one); later
   * transitions recorded inside the same phase are not entries.
   */
  static List<Transition> entriesInto(List<Transition> transitions, Set<Phase> phases) {
    List<Transition> entries = new ArrayList<>();
    Phase before = null;
    for (Transition t : transitions) {
      if (phases.contains(t.phase()) && t.phase() != before) {
        entries.add(t);
      }
      before = t.phase();
    }
    return entries;
  }

  /** The first write of {@code warn} or {@code off} in {@code [from, to]}, null when none. */
  static ModeWrite downgradeBetween(List<ModeWrite> writes, long from, long to) {
    for (ModeWrite w : writes) {
      if (w.atMillis() >= from && w.atMillis() <= to && isDowngrade(w)) {
        return w;
      }
    }
    return null;
  }

  /** A readable record that is not ENFORCE; an unreadable one is not a downgrade to warn. */
  static boolean isDowngrade(ModeWrite w) {
    return w.mode() != null && w.mode() != ValidationMode.ENFORCE;
  }

  static boolean isWorkflowEnforce(ModeWrite w) {
    return w.byWorkflow() && w.mode() == ValidationMode.ENFORCE;
  }

  /** A workflow ENFORCE write and the write it replaced (null: the first write of the trace). */
  record EnforceWrite(ModeWrite write, ModeWrite before) {}

  /** The workflow's ENFORCE writes in order, each with the write before it. */
  static List<EnforceWrite> workflowEnforceWrites(List<ModeWrite> writes) {
    List<EnforceWrite> enforced = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (isWorkflowEnforce(writes.get(i))) {
        enforced.add(new EnforceWrite(writes.get(i), i == 0 ? null : writes.get(i - 1)));
      }
    }
    return enforced;
  }

  /** The latest time anything in the trace happened: what the trace has seen. */
  static long lastEventMillis(TraceLog log) {
    long last = log.startMillis();
    for (Transition t : log.transitions()) {
      last = Math.max(last, t.atMillis());
    }
    for (ModeWrite w : log.modeWrites()) {
      last = Math.max(last, w.atMillis());
    }
    for (TraceLog.Sent s : log.sent()) {
      last = Math.max(last, s.atMillis());
    }
    for (TraceLog.DataCall d : log.dataCalls()) {
      last = Math.max(last, d.atMillis());
    }
    return last;
  }

  /** Whether a person's {@code retry-canary} was accepted after {@code after}, by {@code until}. */
  static boolean retriedBetween(List<TraceLog.Sent> sent, long after, long until) {
    return sent.stream()
        .anyMatch(
            s ->
                s.accepted()
                    && "retry-canary".equals(s.kind())
                    && s.atMillis() > after
                    && s.atMillis() <= until);
  }

  /** A time as a reader wants it in a violation: ISO-8601 UTC. */
  static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  /** A mode record as a reader wants it: mode, percent, writer. */
  static String describe(ModeWrite w) {
    if (w == null) {
      return "no record";
    }
    String mode =
        w.mode() == null ? "an unreadable record" : w.mode().wireName() + " " + w.percent() + "%";
    return mode + " by " + w.writer() + " at " + time(w.atMillis());
  }
}
