package dev.greenlight.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened, for people: the transitions, the commands and alerts received, and what the
 * rollout told its notification sinks. Part of {@link RolloutState}; workflow-thread only.
 */
public final class RolloutHistory {
  public List<Transition> transitions = new ArrayList<>();
  public List<String> commands = new ArrayList<>();
  public List<String> alerts = new ArrayList<>();

  /** What the rollout told its notification sinks, and how that fared. */
  public NotificationLedger notifications = new NotificationLedger();
}
