package dev.greenlight.starter.fuzz;

import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import java.util.List;

/**
 * Shrinks a trace that violates an invariant to fewer events that still violate it: drops chunks of
 * events, halving the chunk size down to single events (the idea of delta debugging), keeping each
 * drop after which a re-run still breaks the same invariant, and tries without migration crashes.
 * Each try is one more rollout, so a budget bounds it.
 */
final class Shrinker {
  /** The smallest failing trace found, the violation it shows, its outcome and the runs spent. */
  record Result(Scenario scenario, Violation violation, String outcome, int runs) {}

  private final FuzzRunner runner;
  private final InvariantOracle oracle;
  private final String invariant;
  private final int budget;
  private int runs;

  Shrinker(FuzzRunner runner, InvariantOracle oracle, String invariant, int budget) {
    this.runner = runner;
    this.oracle = oracle;
    this.invariant = invariant;
    this.budget = budget;
  }

  /**
   * @param found the violation as the fuzz run saw it, reported with its own detail when a run of
   *     the trace alone does not reproduce it
   */
  Result shrink(Scenario trace, Violation found) {
    Result best = attempt(trace);
    if (best == null) {
      // Not reproduced alone (another rollout in its batch mattered?): keep it whole.
      return new Result(
          trace,
          new Violation(invariant, found.atMillis(), found.detail() + " (not reproduced alone)"),
          "ANY",
          runs);
    }
    if (best.scenario().migrationCrashes() > 0) {
      Result fewer =
          attempt(
              new Scenario(
                  trace.name(),
                  trace.description(),
                  trace.expect(),
                  trace.horizon(),
                  0,
                  best.scenario().events()));
      best = fewer != null ? fewer : best;
    }
    for (int chunk = Math.max(1, best.scenario().events().size() / 2);
        chunk >= 1 && runs < budget;
        chunk /= 2) {
      for (int from = 0; from < best.scenario().events().size() && runs < budget; ) {
        List<ScenarioEvent> events = best.scenario().events();
        List<ScenarioEvent> drop = events.subList(from, Math.min(events.size(), from + chunk));
        Result smaller = attempt(Fuzz.without(best.scenario(), List.copyOf(drop)));
        if (smaller != null) {
          best = smaller;
        } else {
          from += chunk;
        }
      }
    }
    return new Result(best.scenario(), best.violation(), best.outcome(), runs);
  }

  /** Runs {@code candidate}; the result when it still violates the invariant, else null. */
  private Result attempt(Scenario candidate) {
    runs++;
    TraceLog log = runner.run(List.of(candidate)).get(0);
    OracleReport report = oracle.check(log, Fuzz.horizon(log, candidate));
    return report.violations().stream()
        .filter(v -> v.invariant().equals(invariant))
        .findFirst()
        .map(v -> new Result(candidate, v, Fuzz.outcome(log), runs))
        .orElse(null);
  }
}
