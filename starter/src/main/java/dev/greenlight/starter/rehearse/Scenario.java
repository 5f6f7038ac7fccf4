package dev.greenlight.starter.rehearse;

import java.time.Duration;
import java.util.List;

/**
 * A rehearsal scenario: what the metrics do, which alerts fire and which commands people send over
 * a rollout's simulated weeks, on top of a healthy baseline.
 *
 * @param name the scenario's name, shown in summaries and reports
 * @param description one or two sentences on what it rehearses
 * @param expect the outcome the scenario is built to reach (tests check it)
 * @param horizon simulated time after which the rehearsal gives up and aborts the rollout
 * @param migrationCrashes apply attempts that crash after their first committed batch
 * @param events everything that happens, in no particular order
 */
public record Scenario(
    String name,
    String description,
    String expect,
    Duration horizon,
    int migrationCrashes,
    List<ScenarioEvent> events) {
  public Scenario {
    events = List.copyOf(events);
  }
}
