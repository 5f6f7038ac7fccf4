package dev.greenlight.starter.fuzz;

import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import java.util.ArrayList;
import java.util.List;

/**
 * An invariant about the workflow's ENFORCE writes, checked one write at a time in order: each
 * write the invariant speaks of is one check, and one it finds broken is one violation, "ENFORCE
 * 10% written at …" and why. The three checks of when ENFORCE may be written share this walk and
 * differ only in which writes they speak of and why a write breaks them.
 */
abstract class EnforceWriteCheck extends CountingCheck {
  EnforceWriteCheck(String name) {
    super(name);
  }

  @Override
  public final List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    for (Timeline.EnforceWrite e : Timeline.workflowEnforceWrites(log.modeWrites())) {
      if (!appliesTo(log, e)) {
        continue;
      }
      count();
      String why = whyBroken(log, e);
      if (why != null) {
        ModeWrite w = e.write();
        violations.add(
            new Violation(
                invariant(),
                w.atMillis(),
                "ENFORCE "
                    + w.percent()
                    + "% written at "
                    + Timeline.time(w.atMillis())
                    + " "
                    + why));
      }
    }
    return violations;
  }

  /** Whether the invariant speaks of {@code e} at all; every ENFORCE write unless overridden. */
  boolean appliesTo(TraceLog log, Timeline.EnforceWrite e) {
    return true;
  }

  /** Why {@code e} breaks the invariant, after "ENFORCE 10% written at …"; null when it holds. */
  abstract String whyBroken(TraceLog log, Timeline.EnforceWrite e);
}
