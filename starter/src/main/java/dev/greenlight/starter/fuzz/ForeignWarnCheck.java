package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import java.util.Set;

/**
 * Safety invariant 3, the workflow's side: it never writes ENFORCE over a record it did not write.
 * The write before every workflow ENFORCE write must be the workflow's own — unless the workflow
 * treated the foreign record as the rollback it is: a transition into ROLLED_BACK at or after the
 * foreign write, then an accepted {@code retry-canary}, both before the ENFORCE write. That
 * exception is needed because a rollback's downgrade finds the webhook's {@code warn 0%} already
 * there and writes nothing, so the legitimate alert → rollback → retry path leaves the webhook's
 * record as the one ENFORCE replaces; the hole this invariant closes — a foreign {@code warn}
 * silently undone by the next flip — has no rollback in between and is reported.
 */
public final class ForeignWarnCheck extends EnforceWriteCheck {
  public static final String NAME = "no-enforce-over-foreign-warn";

  public ForeignWarnCheck() {
    super(NAME);
  }

  @Override
  String whyBroken(TraceLog log, Timeline.EnforceWrite e) {
    ModeWrite before = e.before();
    if (before != null && (before.byWorkflow() || rolledBackAndRetried(log, before, e.write()))) {
      return null;
    }
    return "over " + Timeline.describe(before) + " with no rollback and retry in between";
  }

  private static boolean rolledBackAndRetried(TraceLog log, ModeWrite foreign, ModeWrite enforce) {
    for (Transition rb : Timeline.entriesInto(log.transitions(), Set.of(Phase.ROLLED_BACK))) {
      if (rb.atMillis() < foreign.atMillis() || rb.atMillis() > enforce.atMillis()) {
        continue;
      }
      if (Timeline.retriedBetween(log.sent(), rb.atMillis(), enforce.atMillis())) {
        return true;
      }
    }
    return false;
  }
}
