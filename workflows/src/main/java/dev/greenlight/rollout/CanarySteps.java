package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import java.util.List;

/**
 * The parts of a canary or soak turn that today's loop and the legacy one take alike; each loop's
 * {@code CanaryPhase} decides how a step is entered, which window is read and when it is promoted.
 * The soak is the last step, at 100 %.
 */
public final class CanarySteps {
  private CanarySteps() {}

  /** Whether the current step is the soak at 100 % rather than a canary step. */
  public static boolean soak(PhaseContext c) {
    return c.state.phase == Phase.SOAK;
  }

  /** The percent the current step enforces. */
  public static int percent(PhaseContext c) {
    return soak(c) ? 100 : c.plan.canary().steps().get(c.state.canary.canaryStep).percent();
  }

  /** Why the current step's ENFORCE flip is made, as its transition says. */
  public static String entryReason(PhaseContext c) {
    return soak(c) ? "soak at 100%" : "canary step " + (c.state.canary.canaryStep + 1);
  }

  /** How long every gate must be green: the whole soak, or the canary's window. */
  public static long windowMillis(PhaseContext c) {
    return soak(c) ? c.plan.soak().duration().toMillis() : c.plan.canary().window().toMillis();
  }

  /**
   * Waits for the next gate read, except that a promote command reads now.
   *
   * @return true when the step ended with the wait
   */
  public static boolean waitForPoll(PhaseContext c) {
    return c.state.steering.promoteRequested == null
        && c.waitForNextPoll(soak(c) ? "soak: watching gates" : "canary: watching gates");
  }

  /**
   * Rolls back at once when a breach rule holds in {@code read}, paused or not.
   *
   * @return whether it rolled back
   */
  public static boolean rolledBackOnBreach(PhaseContext c, List<GateSummary> read) {
    String breach = GateVerdicts.breach(c.plan.canary().gates(), read);
    if (breach == null) {
      return false;
    }
    c.rollback(breach);
    return true;
  }
}
