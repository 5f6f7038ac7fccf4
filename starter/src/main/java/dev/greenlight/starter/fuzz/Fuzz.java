package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code greenlight fuzz}: generates random traces of a plan, runs them on the real workflow,
 * checks every trace with the {@link InvariantOracle}, shrinks each violation to its essentials and
 * writes it as a scenario that {@code greenlight rehearse --scenario FILE} replays.
 */
public final class Fuzz {
  /**
   * @param traces how many traces to run
   * @param seed the seed of the whole run: the same seed gives the same traces
   * @param out where shrunk findings are written, null for nowhere
   * @param lanes test environments running side by side
   * @param batch rollouts running at once in one environment
   * @param shrinkRuns the most re-runs spent shrinking one finding
   * @param legacyWorkflow whether the rollouts run the frozen pre-safety-semantics loop
   */
  public record Options(
      int traces,
      long seed,
      Path out,
      int lanes,
      int batch,
      int shrinkRuns,
      boolean legacyWorkflow) {}

  /** A violation, with the trace that showed it shrunk and where it was written. */
  public record Finding(
      int trace, Violation violation, int eventsBefore, int eventsAfter, Path file) {}

  /** What a run found. */
  public record Report(
      int traces,
      long seed,
      List<Finding> findings,
      Map<String, Long> checks,
      Map<String, Integer> outcomes,
      int restartedBatches,
      double wallSeconds) {}

  private Fuzz() {}

  public static Report run(
      RolloutPlan plan, Options options, String dbUrl, String redisUrl, PrintWriter live) {
    long started = System.nanoTime();
    TraceGenerator generator = new TraceGenerator(plan);
    List<Scenario> traces = new ArrayList<>();
    for (int i = 0; i < options.traces(); i++) {
      traces.add(generator.trace(options.seed(), i));
    }
    try (FuzzRunner runner =
        new FuzzRunner(plan, dbUrl, redisUrl, options.lanes(), options.batch())) {
      live.printf(
          "fuzzing %s: %d traces, seed %d, %d lanes × %d rollouts at once%n",
          plan.name(), options.traces(), options.seed(), options.lanes(), options.batch());
      live.flush();
      List<TraceLog> logs = runner.run(traces);
      InvariantOracle oracle = new InvariantOracle();
      OracleReport total = OracleReport.empty();
      Map<String, Integer> outcomes = new LinkedHashMap<>();
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < logs.size(); i++) {
        TraceLog log = logs.get(i);
        OracleReport report = oracle.check(log, horizon(log, traces.get(i)));
        total = total.merge(report);
        outcomes.merge(outcome(log), 1, Integer::sum);
        if (System.getenv("GREENLIGHT_FUZZ_DEBUG") != null) {
          live.printf(
              "trace %d %s, max %d events per run, %d transitions, %d writes: %s%n",
              i,
              outcome(log),
              log.maxEventsPerRun(),
              log.transitions().size(),
              log.modeWrites().size(),
              log.transitions()
                  .subList(Math.max(0, log.transitions().size() - 4), log.transitions().size()));
        }
        if (!report.clean()) {
          Violation first = report.violations().get(0);
          live.printf(
              "trace %d: %s at %s: %s%n", i, first.invariant(), first.atMillis(), first.detail());
          live.flush();
          findings.add(shrinkAndWrite(runner, oracle, options, i, traces.get(i), first, live));
        }
      }
      return new Report(
          options.traces(),
          options.seed(),
          findings,
          total.checks(),
          outcomes,
          runner.restartedBatches(),
          (System.nanoTime() - started) / 1e9);
    }
  }

  static long horizon(TraceLog log, Scenario scenario) {
    return log.startMillis() + scenario.horizon().toMillis();
  }

  static String outcome(TraceLog log) {
    return "RUNNING".equals(log.closeStatus())
        ? "UNFINISHED"
        : log.finalPhase() == null ? log.closeStatus() : log.finalPhase().name();
  }

  private static Finding shrinkAndWrite(
      FuzzRunner runner,
      InvariantOracle oracle,
      Options options,
      int index,
      Scenario trace,
      Violation violation,
      PrintWriter live) {
    Shrinker.Result shrunk =
        new Shrinker(runner, oracle, violation.invariant(), options.shrinkRuns())
            .shrink(trace, violation);
    Path file = null;
    if (options.out() != null) {
      try {
        Files.createDirectories(options.out());
        file =
            options
                .out()
                .resolve(
                    violation.invariant() + "-seed" + options.seed() + "-trace" + index + ".yaml");
        Scenario named =
            new Scenario(
                violation.invariant() + "-seed" + options.seed() + "-trace" + index,
                "fuzz finding: " + violation.invariant(),
                shrunk.outcome(),
                shrunk.scenario().horizon(),
                shrunk.scenario().migrationCrashes(),
                shrunk.scenario().events());
        Files.writeString(
            file,
            ScenarioWriter.yaml(
                named,
                "greenlight fuzz --seed "
                    + options.seed()
                    + ", trace "
                    + index
                    + ", shrunk from "
                    + trace.events().size()
                    + " events to "
                    + named.events().size()
                    + "\nviolates "
                    + shrunk.violation().invariant()
                    + ": "
                    + shrunk.violation().detail()
                    + "\nreplay: ./greenlight rehearse "
                    + (options.legacyWorkflow() ? "--legacy-workflow " : "")
                    + "--scenario "
                    + file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    live.printf(
        "  shrunk from %d to %d events in %d runs%s%n",
        trace.events().size(),
        shrunk.scenario().events().size(),
        shrunk.runs(),
        file == null ? "" : "; written to " + file);
    live.flush();
    return new Finding(
        index, shrunk.violation(), trace.events().size(), shrunk.scenario().events().size(), file);
  }

  /** The events of {@code s} other than those in {@code drop}. */
  static Scenario without(Scenario s, List<ScenarioEvent> drop) {
    List<ScenarioEvent> kept = new ArrayList<>(s.events());
    kept.removeAll(drop);
    return new Scenario(
        s.name(), s.description(), s.expect(), s.horizon(), s.migrationCrashes(), kept);
  }
}
