package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.plan.WarnSpec;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Safety invariant 8: ENFORCE is entered only on a fresh WARN verdict. Every workflow write of
 * ENFORCE over a record that was not ENFORCE (the first step, a retry, a step re-entered) at T
 * needs, in the truth at T, the WARN unknown rate green over the whole WARN window (the same terms
 * as a promotion: 95 % present, every sample under the threshold, fresh, readable) and the block
 * gate's breach rule not holding. Moving between ENFORCE percentages is not an entry.
 */
public final class EnforceEntryCheck extends EnforceWriteCheck {
  public static final String NAME = "enforce-on-fresh-warn-verdict";

  public EnforceEntryCheck() {
    super(NAME);
  }

  /** Moving between ENFORCE percentages is not an entry. */
  @Override
  boolean appliesTo(TraceLog log, Timeline.EnforceWrite e) {
    return e.before() == null || e.before().mode() != ValidationMode.ENFORCE;
  }

  @Override
  String whyBroken(TraceLog log, Timeline.EnforceWrite e) {
    String why = whyNotFresh(log, e.write().atMillis());
    return why == null
        ? null
        : "over " + Timeline.describe(e.before()) + " without a fresh WARN verdict: " + why;
  }

  private static String whyNotFresh(TraceLog log, long at) {
    WarnSpec warn = log.plan().warn();
    List<String> why = new ArrayList<>();
    String unknown =
        TruthWindow.whyNotGreen(log.metrics(), warn.unknownRate(), at, warn.window().toMillis());
    if (unknown != null) {
      why.add(unknown);
    }
    if (TruthWindow.breachHolds(log.metrics(), warn.enforceBlock(), at)) {
      why.add(
          warn.enforceBlock().name()
              + ": every sample past "
              + warn.enforceBlock().breachThreshold()
              + " for "
              + warn.enforceBlock().breachFor().toMinutes()
              + " min (ENFORCE blocked)");
    }
    return why.isEmpty() ? null : String.join("; ", why);
  }
}
