package dev.greenlight.rollout.plan;

import java.time.Duration;

/**
 * Mode {@code warn}: unknown values are counted, nothing is rejected.
 *
 * @param minDuration the least time spent in {@code warn}
 * @param window how long {@code unknownRate} must stay green before normalization starts
 * @param unknownRate the gate that must be green over the window
 * @param enforceBlock the gate that blocks ENFORCE while breached for its sustained duration
 */
public record WarnSpec(
    Duration minDuration, Duration window, GateSpec unknownRate, GateSpec enforceBlock) {}
