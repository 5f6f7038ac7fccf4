package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Plays a scenario's events against a rollout's transitions: fixed-time events are scheduled from
 * the start, triggered ones when their transition first appears (at its time plus {@code after}).
 * Metric changes are applied to the script as soon as they are scheduled — the script holds them
 * until their time — while alerts, commands and faults wait in a queue until the clock reaches
 * them.
 */
public final class ScenarioPlayer {
  /** An alert, command or fault due at {@code atMillis}. */
  public record Due(long atMillis, ScenarioEvent event) {}

  private final long startMillis;
  private final MetricScript metrics;
  private final List<ScenarioEvent> waiting = new ArrayList<>();
  private final PriorityQueue<Due> queue =
      new PriorityQueue<>(Comparator.comparingLong(Due::atMillis));

  public ScenarioPlayer(Scenario scenario, long startMillis, MetricScript metrics) {
    this.startMillis = startMillis;
    this.metrics = metrics;
    for (ScenarioEvent e : scenario.events()) {
      if (e.at() != null) {
        schedule(startMillis + e.at().toMillis(), e);
      } else {
        waiting.add(e);
      }
    }
  }

  /** Schedules every waiting event whose trigger is among {@code transitions}. */
  public void observe(List<Transition> transitions, long nowMillis) {
    waiting.removeIf(
        e -> {
          for (Transition t : transitions) {
            if (e.on().matches(t)) {
              long due = Math.max(t.atMillis() + e.after().toMillis(), t.atMillis());
              // A metric change seen late starts now, not back-dated: a script cannot change what
              // the gates already read (the safety oracle judges the rollout by this script).
              schedule(
                  e.action() instanceof ScenarioEvent.MetricChange ? Math.max(due, nowMillis) : due,
                  e);
              return true;
            }
          }
          return false;
        });
  }

  public boolean hasWaitingTriggers() {
    return !waiting.isEmpty();
  }

  public OptionalLong nextDue() {
    return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.peek().atMillis());
  }

  /** Removes and returns the alerts, commands and faults due at or before {@code nowMillis}. */
  public List<Due> takeDue(long nowMillis) {
    List<Due> due = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().atMillis() <= nowMillis) {
      due.add(queue.poll());
    }
    return due;
  }

  /**
   * Removes and returns only the faults due at or before {@code nowMillis}: those at the start are
   * injected before the rollout starts, so its first steps already meet them.
   */
  List<Due> takeDueFaults(long nowMillis) {
    List<Due> due = new ArrayList<>();
    queue.removeIf(
        d -> {
          boolean take =
              d.atMillis() <= nowMillis && d.event().action() instanceof ScenarioEvent.Fault;
          if (take) {
            due.add(d);
          }
          return take;
        });
    due.sort(Comparator.comparingLong(Due::atMillis));
    return due;
  }

  private void schedule(long atMillis, ScenarioEvent e) {
    if (e.action() instanceof ScenarioEvent.MetricChange change) {
      metrics.apply(change, Duration.ofMillis(Math.max(0, atMillis - startMillis)));
    } else {
      queue.add(new Due(atMillis, e));
    }
  }
}
