package dev.greenlight.rollout;

/** A release manager's command with no arguments of its own: who sends it, and why. */
public record OperatorCommand(String who, String why) {}
