package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.RolloutPlan;

/**
 * What a rollout run starts from: the plan, who started it, and — after continue-as-new — the state
 * to carry on from (null on the first run).
 */
public record RolloutInput(RolloutPlan plan, String startedBy, RolloutState carriedState) {}
