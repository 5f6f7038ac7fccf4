package dev.greenlight.rollout;

/** Approves the pending step named {@code step}. */
public record ApproveInput(String step, String who, String why) {}
