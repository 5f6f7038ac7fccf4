package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * The WARN exit: the rollout completes after {@code requiredGoodDays} consecutive good periods
 * (days, unless the plan says otherwise) whose unknown rate is green, and needs attention when
 * {@code cap} passes first.
 *
 * @param unknownRate the per-period gate, read over each whole period
 * @param requiredGoodDays consecutive good periods needed
 * @param cap the longest the phase may last
 * @param period how long one "day" of the exit is: one reading per period; {@link #DEFAULT_PERIOD}
 *     when the plan leaves it out, so a compressed end-to-end plan can run the same phase in
 *     seconds
 */
public record WarnExitSpec(
    GateSpec unknownRate, int requiredGoodDays, Duration cap, Duration period) {
  /** The runbook's day. Histories recorded before the field existed carry no period: this one. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

  public WarnExitSpec {
    if (period == null) {
      period = DEFAULT_PERIOD;
    }
  }

  /** A WARN exit counted in whole days. */
  public WarnExitSpec(GateSpec unknownRate, int requiredGoodDays, Duration cap) {
    this(unknownRate, requiredGoodDays, cap, DEFAULT_PERIOD);
  }
}
