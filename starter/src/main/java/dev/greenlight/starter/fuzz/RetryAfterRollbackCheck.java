package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import java.util.List;
import java.util.Set;

/**
 * After a rollback or an abort, no ENFORCE until a person retries: every workflow ENFORCE write
 * after the latest transition into ROLLED_BACK or ABORTED needs an accepted {@code retry-canary}
 * between the two. (An abort is terminal and refuses every retry, so any ENFORCE after it breaks
 * this.) One check per ENFORCE write that follows a rollback or abort.
 */
public final class RetryAfterRollbackCheck extends EnforceWriteCheck {
  public static final String NAME = "no-enforce-after-rollback-until-retry";

  public RetryAfterRollbackCheck() {
    super(NAME);
  }

  @Override
  boolean appliesTo(TraceLog log, Timeline.EnforceWrite e) {
    return latestStopBefore(log, e.write().atMillis()) != null;
  }

  @Override
  String whyBroken(TraceLog log, Timeline.EnforceWrite e) {
    long at = e.write().atMillis();
    Transition stop = latestStopBefore(log, at);
    if (Timeline.retriedBetween(log.sent(), stop.atMillis(), at)) {
      return null;
    }
    return "after "
        + stop.phase()
        + " at "
        + Timeline.time(stop.atMillis())
        + " ("
        + stop.reason()
        + ") with no accepted retry-canary in between";
  }

  /** The latest transition into ROLLED_BACK or ABORTED before {@code at}; null if none. */
  private static Transition latestStopBefore(TraceLog log, long at) {
    List<Transition> stops =
        Timeline.entriesInto(log.transitions(), Set.of(Phase.ROLLED_BACK, Phase.ABORTED));
    Transition latest = null;
    for (Transition t : stops) {
      if (t.atMillis() < at) {
        latest = t;
      }
    }
    return latest;
  }
}
