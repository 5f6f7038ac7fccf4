package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.RolloutResult;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Instant;
import java.util.List;

/** Builds a rehearsal's {@link RehearsalResult} from the rollout's final status and result. */
final class Summaries {
  private Summaries() {}

  static RehearsalResult of(
      RolloutPlan plan,
      Scenario scenario,
      RolloutStatus status,
      RolloutResult result,
      List<RehearsalResult.ActionLine> actions,
      RehearsalServices services,
      long start,
      long end,
      long wallStartNanos) {
    List<Transition> transitions = status.transitions();
    long last = transitions.isEmpty() ? end : transitions.get(transitions.size() - 1).atMillis();
    long simulated = (result != null ? last : end) - start;
    var migration = status.migration();
    return new RehearsalResult(
        plan.name(),
        scenario.name(),
        scenario.expect(),
        result != null ? result.outcome().name() : "UNFINISHED",
        result != null
            ? result.reason()
            : "horizon of " + scenario.horizon().toDays() + " days reached in " + status.phase(),
        round(simulated / 86_400_000.0, 2),
        round((System.nanoTime() - wallStartNanos) / 1e9, 2),
        services.seeded.rows(),
        migration == null ? 0 : migration.rowsUpdated(),
        migration == null ? 0 : migration.rowsUnmappable(),
        (int) transitions.stream().filter(t -> t.reason().startsWith("mode ")).count(),
        status.rollbacks(),
        result != null ? result.runs() : status.runs(),
        result != null ? result.maxEventsPerRun() : status.historyLength(),
        transitions.stream()
            .map(
                t ->
                    new RehearsalResult.TransitionLine(
                        Instant.ofEpochMilli(t.atMillis()).toString(),
                        t.atMillis() - start,
                        t.phase().name(),
                        t.mode() == null ? "unset" : t.mode().wireName(),
                        t.percent(),
                        t.reason()))
            .toList(),
        List.copyOf(actions));
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
