package dev.greenlight.rollout;

/**
 * Promotes the current canary step before its minimum duration is over. Gates must still be green
 * unless {@code force} is set, and forcing needs a reason.
 */
public record PromoteInput(String who, String why, boolean force) {}
