package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.plan.HumanDurations;
import java.time.Duration;

/**
 * One thing that happens in a scenario: when ({@code at} from the start, or {@code after} a {@link
 * Trigger} is first seen) and what — a metric change, an alert, a command or a fault.
 *
 * @param at simulated time from the start, null when the event has a trigger
 * @param on the transition that sets the event off, null when it has a fixed time
 * @param after delay from the trigger's transition
 * @param action what happens
 */
public record ScenarioEvent(Duration at, Trigger on, Duration after, Action action) {

  /** What an event does. */
  public sealed interface Action {
    /** A short description for logs and reports. */
    String describe();
  }

  /**
   * From the event's time on, the gate {@code gate} (every query of that name, or one plan
   * section's with a qualified name such as {@code canary.unknown-rate}) reads {@code value};
   * {@code kind} says whether it is a value, no data, a failing read or the healthy baseline.
   */
  public record MetricChange(String gate, Kind kind, double value) implements Action {
    /** What a metric change sets. */
    public enum Kind {
      VALUE,
      MISSING,
      ERROR,
      HEALTHY
    }

    @Override
    public String describe() {
      return gate
          + " → "
          + switch (kind) {
            case VALUE -> Double.toString(value);
            case MISSING -> "no data";
            case ERROR -> "read errors";
            case HEALTHY -> "healthy";
          };
    }
  }

  /** Alertmanager fires {@code name}: the webhook's {@code autoDowngrade} signal. */
  public record Alert(String name, String summary) implements Action {
    @Override
    public String describe() {
      return "alert " + name + (summary == null ? "" : " (" + summary + ")");
    }
  }

  /**
   * A release manager's command: {@code approve} (with {@code step}), {@code pause}, {@code
   * resume}, {@code abort}, {@code promote} (optionally {@code force}), {@code retry-canary} or
   * {@code extend-warn} (with {@code days}).
   */
  public record Command(
      String command, String step, int days, boolean force, String who, String why)
      implements Action {
    @Override
    public String describe() {
      return command
          + (step == null ? "" : " " + step)
          + (days > 0 ? " " + days + "d" : "")
          + (force ? " --force" : "")
          + " by "
          + who
          + ": "
          + why;
    }
  }

  /**
   * A fault injected into the rollout's world (see {@link FaultSwitches} for the kinds): a timed
   * one ({@code mode-flips-fail}, {@code backup-fails}, {@code restore-test-fails}, {@code
   * dry-run-fails}) holds for {@code duration}, or until the end when it is null; a one-off ({@code
   * webhook-writes-warn}, {@code unreadable-mode-record}) happens once and has no duration.
   */
  public record Fault(String kind, Duration duration) implements Action {
    @Override
    public String describe() {
      return "fault "
          + kind
          + (FaultSwitches.isOneOff(kind)
              ? ""
              : duration == null ? " for good" : " for " + HumanDurations.format(duration));
    }
  }
}
