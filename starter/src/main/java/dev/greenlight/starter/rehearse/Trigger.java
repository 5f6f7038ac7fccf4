package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;

/**
 * A transition a scenario event waits for: the first one whose every given field matches. Null
 * fields match anything.
 *
 * @param phase the transition's phase
 * @param percent the canary percentage at the transition
 * @param pending an approval step the workflow starts waiting for
 * @param reason text the transition's reason contains
 */
public record Trigger(Phase phase, Integer percent, String pending, String reason) {
  public boolean matches(Transition t) {
    return (phase == null || phase == t.phase())
        && (percent == null || percent == t.percent())
        && (pending == null || t.reason().startsWith("waiting for approval of " + pending + ":"))
        && (reason == null || t.reason().contains(reason));
  }

  public String describe() {
    StringBuilder s = new StringBuilder();
    if (phase != null) {
      s.append("phase ").append(phase).append(' ');
    }
    if (percent != null) {
      s.append(percent).append("% ");
    }
    if (pending != null) {
      s.append("pending ").append(pending).append(' ');
    }
    if (reason != null) {
      s.append('"').append(reason).append("\" ");
    }
    return s.toString().trim();
  }
}
