package dev.greenlight.rollout;

/** The answer to an accepted command: the phase after it, and what it did. */
public record CommandResult(Phase phase, String outcome) {}
