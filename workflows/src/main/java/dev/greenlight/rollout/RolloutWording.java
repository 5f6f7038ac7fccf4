package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.HumanDurations;
import dev.greenlight.rollout.plan.WarnExitSpec;
import java.time.Instant;
import java.util.Locale;

/**
 * How the rollout words times, fractions and the WARN-exit cap in the transitions a person reads.
 * One home for the current loop and the frozen legacy one: both must write the same words, or a
 * replayed history would show other reasons than the recorded run.
 */
public final class RolloutWording {
  private RolloutWording() {}

  /** An instant as ISO-8601 UTC. */
  public static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  /** A fraction as a percentage a person reads at a glance: 0.0010000000000000007 → "0.100%". */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.3f%%", fraction * 100);
  }

  /** "30 days" for day-long periods; the exact length for compressed ones. */
  public static String warnExitCap(WarnExitSpec spec) {
    return spec.period().equals(WarnExitSpec.DEFAULT_PERIOD)
        ? spec.cap().toDays() + " days"
        : HumanDurations.format(spec.cap())
            + " (days of "
            + HumanDurations.format(spec.period())
            + ")";
  }

  /**
   * How the WARN exit says it ran out of time: "no 7 consecutive good days within 30 days ({@code
   * runNote})".
   */
  public static String noGoodRunWithinCap(WarnExitSpec spec, String runNote) {
    return "no "
        + spec.requiredGoodDays()
        + " consecutive good days within "
        + warnExitCap(spec)
        + " ("
        + runNote
        + ")";
  }

  /** Why a WARN exit completes: its run of good days. */
  public static String goodRun(WarnExitSpec spec) {
    return spec.requiredGoodDays() + " consecutive days under the unknown threshold";
  }

  /** How the WARN exit counts a good day: "good day 3 of 7". */
  public static String goodDay(WarnExitProgress progress, WarnExitSpec spec) {
    return "good day " + progress.warnExitGoodDays + " of " + spec.requiredGoodDays();
  }
}
