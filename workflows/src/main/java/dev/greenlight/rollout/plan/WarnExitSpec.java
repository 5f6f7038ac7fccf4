package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * The WARN exit: the rollout completes after {@code requiredGoodDays} consecutive days whose
 * unknown rate is green, and needs attention when {@code cap} passes first.
 *
 * @param unknownRate the daily gate, read over each whole day
 * @param requiredGoodDays consecutive good days needed
 * @param cap the longest the phase may last
 */
public record WarnExitSpec(GateSpec unknownRate, int requiredGoodDays, Duration cap) {}
