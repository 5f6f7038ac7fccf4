package dev.greenlight.starter.commands;

import dev.greenlight.rollout.Phase;

/**
 * How {@code greenlight watch} ends, and its exit code: 0 only for a completed rollout, so {@code
 * greenlight watch && next-step} runs the next step only after a rollout that finished its job.
 * Exit 1 (no such rollout, Temporal not answering) and 2 (bad input) are the CLI's usual codes.
 */
enum WatchOutcome {
  COMPLETED(0, "the rollout completed"),
  ABORTED(3, "the rollout was aborted"),
  NEEDS_ATTENTION(4, "the WARN exit ran out of days: the release manager decides"),
  STOPPED(5, "a pre-flight check failed; nothing was changed"),
  ENDED_ROLLED_BACK(6, "the execution ended while rolled back"),
  EXECUTION_ENDED(7, "the execution failed, was terminated, cancelled or timed out"),
  STILL_RUNNING(8, "--count refreshes done and the rollout still runs");

  final int exitCode;
  final String meaning;

  WatchOutcome(int exitCode, String meaning) {
    this.exitCode = exitCode;
    this.meaning = meaning;
  }

  /** The outcome of a rollout whose status says {@code phase}, when that phase ends it. */
  static WatchOutcome ofTerminalPhase(Phase phase) {
    return switch (phase) {
      case COMPLETED -> COMPLETED;
      case ABORTED -> ABORTED;
      case NEEDS_ATTENTION -> NEEDS_ATTENTION;
      case STOPPED -> STOPPED;
      default -> throw new IllegalArgumentException(phase + " is not a terminal phase");
    };
  }

  /**
   * The outcome of an execution that closed without completing (failed, terminated, cancelled,
   * timed out) in {@code phase}; {@code phase} null when its status could not be read.
   */
  static WatchOutcome ofClosedExecution(Phase phase) {
    if (phase != null && phase.isTerminal()) {
      return ofTerminalPhase(phase);
    }
    return phase == Phase.ROLLED_BACK ? ENDED_ROLLED_BACK : EXECUTION_ENDED;
  }
}
