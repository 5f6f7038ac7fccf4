package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.starter.rehearse.Rehearsal.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Does what a due event says — injects a fault, or sends an alert or a command to the rollout — and
 * logs it: the live line, the summary's action line, and for what was sent its answer.
 *
 * @param actions the summary's action lines, growing as it acts
 * @param sent every alert and command sent, growing as it acts
 */
record ScenarioActor(
    FaultInjector injector,
    Printer printer,
    long start,
    List<RehearsalResult.ActionLine> actions,
    List<Sent> sent) {
  ScenarioActor(FaultInjector injector, Printer printer, long start) {
    this(injector, printer, start, new ArrayList<>(), new ArrayList<>());
  }

  /**
   * @param workflow the rollout; null before it starts, when only faults are due
   */
  void act(ScenarioEvent.Action action, RolloutWorkflow workflow, long now) {
    String result;
    if (action instanceof ScenarioEvent.Fault fault) {
      result = injector.inject(fault, now);
    } else {
      ScenarioActions.Answer answer = ScenarioActions.send(workflow, action, now);
      sent.add(new Sent(now, action, answer.accepted(), answer.text()));
      result = answer.text();
    }
    actions.add(
        new RehearsalResult.ActionLine(
            Instant.ofEpochMilli(now).toString(), now - start, action.describe(), result));
    printer.action(now, action.describe(), result);
  }
}
