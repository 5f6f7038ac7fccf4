package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutState;

/**
 * WARN after a rollback: the mode is warn at 0 %, and the canary starts again at its first step
 * when someone sends {@code retryCanary} after the extension has passed.
 */
final class RolledBackPhase {
  private RolledBackPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    if (!s.steering.retryRequested) {
      c.sleep(java.time.Duration.ofDays(1), "rolled back: waiting for retry-canary");
      return;
    }
    s.steering.retryRequested = false;
    s.canary.canaryStep = 0;
    s.canary.stepStarted = false;
    s.canary.previousStepMeans = new java.util.LinkedHashMap<>();
    c.enter(Phase.CANARY, "canary retried from its first step");
  }
}
