package dev.greenlight.rollout;

import java.util.List;

/** How a rollout ended. */
public record RolloutResult(Phase outcome, String reason, List<Transition> transitions, int runs) {}
