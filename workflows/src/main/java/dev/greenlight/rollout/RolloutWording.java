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
}
