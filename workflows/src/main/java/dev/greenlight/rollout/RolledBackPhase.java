package dev.greenlight.rollout;

import java.time.Duration;

/**
 * WARN after a rollback: the mode is warn at 0 %, and the canary starts again at its first step
 * when someone sends {@code retryCanary} after the extension has passed. The retry enters ENFORCE
 * only on a fresh green WARN verdict; until then it holds in warn and status says why. The same
 * step in both loops (the legacy loop entered ENFORCE at once).
 */
final class RolledBackPhase {
  private RolledBackPhase() {}

  static void tick(PhaseContext c) {
    RolloutState s = c.state;
    if (!s.steering.retryRequested) {
      c.sleep(Duration.ofDays(1), "rolled back: waiting for retry-canary");
      return;
    }
    s.steering.retryRequested = false;
    s.canary.restartFromFirstStep();
    c.enter(Phase.CANARY, "canary retried from its first step");
  }
}
