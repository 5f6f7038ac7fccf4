package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.fuzz.Violation;
import java.io.PrintWriter;
import java.util.List;

/** The live log of a rehearsal: one line per transition or scenario action, then a summary. */
final class Printer {
  private static final int LIMIT = 200;

  private final PrintWriter out;
  private final long start;
  private int printed;

  Printer(PrintWriter out, long start) {
    this.out = out;
    this.start = start;
  }

  /** Prints the transitions not printed yet. */
  void transitions(List<Transition> all) {
    for (; printed < all.size(); printed++) {
      Transition t = all.get(printed);
      out.printf(
          "%s  %-10s %-12s %s%n",
          SimTime.offset(t.atMillis() - start),
          t.phase(),
          t.mode() == null ? "-" : t.mode().wireName() + " " + t.percent() + "%",
          oneLine(t.reason()));
    }
    out.flush();
  }

  /** Control characters (seeded junk has them) shown escaped; long reasons cut for the log. */
  static String oneLine(String text) {
    StringBuilder s = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        s.append("\\n");
      } else if (c == '\t') {
        s.append("\\t");
      } else if (Character.isISOControl(c)) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.length() > LIMIT ? s.substring(0, LIMIT) + "…" : s.toString();
  }

  void action(long at, String action, String result) {
    out.printf(
        "%s  %-10s %-12s %s → %s%n", SimTime.offset(at - start), "scenario", "", action, result);
    out.flush();
  }

  void summary(RehearsalResult r) {
    out.println();
    out.printf(
        "outcome        %s%s%n", r.outcome(), r.reason() == null ? "" : " (" + r.reason() + ")");
    if (r.expected() != null && !r.expected().equals(r.outcome())) {
      out.printf("expected       %s  ← the scenario expected another outcome%n", r.expected());
    }
    out.printf("simulated      %.2f days%n", r.simulatedDays());
    out.printf("wall time      %.2f s%n", r.wallSeconds());
    out.printf("mode flips     %d (rollbacks %d)%n", r.modeFlips(), r.rollbacks());
    out.printf(
        "rows migrated  %d of %d seeded (%d unmappable left as they were)%n",
        r.rowsMigrated(), r.rowsSeeded(), r.rowsUnmappable());
    out.printf(
        "history        %d events in the longest of %d runs%n", r.maxEventsPerRun(), r.runs());
    out.flush();
  }

  /** The safety oracle's findings on the rehearsal, if any. */
  void violations(List<Violation> violations) {
    if (violations.isEmpty()) {
      out.println("safety         every invariant held");
    } else {
      for (Violation v : violations) {
        out.printf("VIOLATION      %s: %s%n", v.invariant(), v.detail());
      }
    }
    out.flush();
  }
}
