package dev.greenlight.starter.rehearse;

import java.util.List;

/**
 * The machine-readable summary of a rehearsal ({@code rehearse --json}).
 *
 * @param outcome the rollout's final phase, or {@code UNFINISHED} when the horizon ran out
 * @param simulatedDays simulated time from start to end
 * @param wallSeconds wall-clock time of the whole rehearsal, services included
 * @param modeFlips mode changes the rollout made
 * @param rowsMigrated rows the migration rewrote to a canonical stage
 * @param maxEventsPerRun the longest history any workflow run reached
 */
public record RehearsalResult(
    String plan,
    String scenario,
    String expected,
    String outcome,
    String reason,
    double simulatedDays,
    double wallSeconds,
    long rowsSeeded,
    long rowsMigrated,
    long rowsUnmappable,
    int modeFlips,
    int rollbacks,
    int runs,
    long maxEventsPerRun,
    List<TransitionLine> transitions,
    List<ActionLine> actions) {

  /** A transition with its simulated timestamp and its offset from the start. */
  public record TransitionLine(
      String at, long offsetMillis, String phase, String mode, int percent, String reason) {}

  /** A scenario event that was played, and what came of it. */
  public record ActionLine(String at, long offsetMillis, String action, String result) {}
}
