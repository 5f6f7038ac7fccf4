package dev.greenlight.rollout;

import java.util.List;

/**
 * How a rollout ended.
 *
 * @param runs workflow runs it took (continue-as-new starts a new one)
 * @param maxEventsPerRun the longest history any of those runs reached
 */
public record RolloutResult(
    Phase outcome, String reason, List<Transition> transitions, int runs, long maxEventsPerRun) {}
