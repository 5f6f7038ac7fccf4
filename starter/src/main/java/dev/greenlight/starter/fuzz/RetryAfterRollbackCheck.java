package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * After a rollback or an abort, no ENFORCE until a person retries: every workflow ENFORCE write
 * after the latest transition into ROLLED_BACK or ABORTED needs an accepted {@code retry-canary}
 * between the two. (An abort is terminal and refuses every retry, so any ENFORCE after it breaks
 * this.) One check per ENFORCE write that follows a rollback or abort.
 */
public final class RetryAfterRollbackCheck extends CountingCheck {
  public static final String NAME = "no-enforce-after-rollback-until-retry";

  public RetryAfterRollbackCheck() {
    super(NAME);
  }

  @Override
  public List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    List<Transition> stops =
        Timeline.entriesInto(log.transitions(), Set.of(Phase.ROLLED_BACK, Phase.ABORTED));
    for (ModeWrite w : log.modeWrites()) {
      if (!Timeline.isWorkflowEnforce(w)) {
        continue;
      }
      Transition stop = latestBefore(stops, w.atMillis());
      if (stop == null) {
        continue;
      }
      count();
      if (!Timeline.retriedBetween(log.sent(), stop.atMillis(), w.atMillis())) {
        violations.add(
            enforceViolation(
                w,
                "after "
                    + stop.phase()
                    + " at "
                    + Timeline.time(stop.atMillis())
                    + " ("
                    + stop.reason()
                    + ") with no accepted retry-canary in between"));
      }
    }
    return violations;
  }

  private static Transition latestBefore(List<Transition> stops, long at) {
    Transition latest = null;
    for (Transition t : stops) {
      if (t.atMillis() < at) {
        latest = t;
      }
    }
    return latest;
  }
}
