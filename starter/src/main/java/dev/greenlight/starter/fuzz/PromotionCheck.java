package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.CanaryStep;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Safety invariant 1: no promotion on missing, stale or errored data. Every step promotion not
 * forced by a person, and every soak completion (the transition entering WARN_EXIT), at time T
 * needs every canary gate green on its own over the trailing window of the truth — 95 % of the
 * samples present, each green, the newest no older than two steps, reads working at T — and the
 * step's minimum since the ENFORCE write that started it (unless a person's promote skipped the
 * minimum, which the transition says; never the gates). The soak needs its whole duration since
 * ENFORCE 100 % was written: a 24-hour soak that began an hour ago has not soaked.
 */
public final class PromotionCheck extends CountingCheck {
  public static final String NAME = "promotion-on-green-data";

  public PromotionCheck() {
    super(NAME);
  }

  /**
   * How the workflow records a promotion a person asked for before the step's minimum: the promote
   * command skips the minimum (by design) but never the gates, so only the gates are checked then.
   */
  static final String EARLY = "before its minimum, asked by ";

  /** How the workflow records a promotion: {@code step 10% promoted: why}. */
  private static final Pattern PROMOTED = Pattern.compile("^step (\\d+)% promoted: ");

  @Override
  public List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    Phase before = null;
    for (Transition t : log.transitions()) {
      Matcher m = PROMOTED.matcher(t.reason() == null ? "" : t.reason());
      if (m.find() && !t.reason().contains("forced by")) {
        stepPromotion(log, t, Integer.parseInt(m.group(1)), violations);
      } else if (t.phase() == Phase.WARN_EXIT && before != Phase.WARN_EXIT) {
        soakCompletion(log, t, violations);
      }
      before = t.phase();
    }
    return violations;
  }

  private void stepPromotion(TraceLog log, Transition t, int percent, List<Violation> out) {
    count();
    List<String> why = new ArrayList<>();
    CanaryStep step =
        log.plan().canary().steps().stream()
            .filter(s -> s.percent() == percent)
            .findFirst()
            .orElse(null);
    if (step == null) {
      why.add("the plan has no " + percent + "% step");
    } else {
      if (!t.reason().contains(EARLY)) {
        long min = step.minDuration().toMillis();
        sinceEnforce(log, t.atMillis(), percent, min, "the step's minimum", why);
      }
    }
    gates(log, t.atMillis(), log.plan().canary().window().toMillis(), why);
    report(t, "step " + percent + "% promoted", why, out);
  }

  private void soakCompletion(TraceLog log, Transition t, List<Violation> out) {
    count();
    List<String> why = new ArrayList<>();
    long soak = log.plan().soak().duration().toMillis();
    sinceEnforce(log, t.atMillis(), 100, soak, "the soak's duration", why);
    gates(log, t.atMillis(), soak, why);
    report(t, "soak completed", why, out);
  }

  /** Adds why not, when ENFORCE {@code percent} % was not written {@code min} before {@code at}. */
  private static void sinceEnforce(
      TraceLog log, long at, int percent, long min, String what, List<String> why) {
    ModeWrite start = null;
    for (ModeWrite w : log.modeWrites()) {
      if (w.atMillis() > at) {
        break;
      }
      if (w.byWorkflow() && w.mode() == ValidationMode.ENFORCE && w.percent() == percent) {
        start = w;
      }
    }
    if (start == null) {
      why.add("no ENFORCE " + percent + "% write started it");
    } else if (at - start.atMillis() < min) {
      why.add(
          "only "
              + (at - start.atMillis()) / 60_000
              + " min since ENFORCE "
              + percent
              + "% at "
              + Timeline.time(start.atMillis())
              + ", under "
              + what
              + " of "
              + min / 60_000
              + " min");
    }
  }

  private static void gates(TraceLog log, long at, long window, List<String> why) {
    for (GateSpec gate : log.plan().canary().gates()) {
      String notGreen = TruthWindow.whyNotGreen(log.metrics(), gate, at, window);
      if (notGreen != null) {
        why.add(notGreen);
      }
    }
  }

  private static void report(Transition t, String what, List<String> why, List<Violation> out) {
    if (!why.isEmpty()) {
      out.add(
          new Violation(
              NAME,
              t.atMillis(),
              what + " at " + Timeline.time(t.atMillis()) + ": " + String.join("; ", why)));
    }
  }
}
