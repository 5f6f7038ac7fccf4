package dev.greenlight.rollout;

/** Approves the pending step named {@code step}. */
public record ApproveCommand(String step, String who, String why) {}
