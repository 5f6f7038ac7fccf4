package dev.greenlight.starter.commands;

import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.LegacyWorkflowOption;
import dev.greenlight.starter.PlanOption;
import dev.greenlight.starter.fuzz.Fuzz;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight fuzz}: thousands of random rollouts of a plan, each checked for safety. */
@Command(
    name = "fuzz",
    header = "Run random rollouts of a plan on the real workflow and check every safety invariant.",
    description = {
      "Each trace scripts the gates (around and across thresholds, missing, failing), alerts,"
          + " commands and faults over the plan's timeline; an independent oracle checks what"
          + " happened. Each violation is shrunk and written to --out as a scenario that"
          + " 'greenlight rehearse --scenario FILE' replays. Exit 1 on any violation."
    })
public final class FuzzCommand extends ConnectedCommand {

  @Mixin PlanOption plan;

  @Option(
      names = "--traces",
      defaultValue = "100",
      description = "Traces to run (default ${DEFAULT-VALUE}).")
  int traces;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "fuzz-findings",
      description = "Where shrunk findings are written (default ${DEFAULT-VALUE}).")
  Path findings;

  @Option(
      names = "--lanes",
      defaultValue = "2",
      description = "Test environments side by side (default ${DEFAULT-VALUE}).")
  int lanes;

  @Option(
      names = "--batch",
      defaultValue = "16",
      description = "Rollouts at once per environment (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--shrink-runs",
      defaultValue = "40",
      description = "Most re-runs spent shrinking one finding (default ${DEFAULT-VALUE}).")
  int shrinkRuns;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Mixin LegacyWorkflowOption legacy;

  @Override
  public Integer call() throws Exception {
    OptionBounds.requireAtLeastOne(cli(), "--traces", traces);
    OptionBounds.requireAtLeastOne(cli(), "--lanes", lanes);
    OptionBounds.requireAtLeastOne(cli(), "--batch", batch);
    OptionBounds.requireZeroOrMore(cli(), "--shrink-runs", shrinkRuns);
    legacy.apply();
    RolloutPlan rolloutPlan = plan.load(cli());
    PrintWriter out = cli().getOut();
    // With --json the progress lines (each violation as first seen, shrinking) go to stderr.
    PrintWriter live = json ? cli().getErr() : out;
    Fuzz.Report report =
        Fuzz.run(
            rolloutPlan,
            new Fuzz.Options(traces, seed, findings, lanes, batch, shrinkRuns, legacy.selected()),
            connection.toWorkerConfig().dbUrl(),
            connection.toWorkerConfig().redisUrl(),
            live);
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("traces", report.traces());
      j.put("seed", report.seed());
      j.put(
          "violations",
          report.findings().stream()
              .map(
                  f -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("invariant", f.violation().invariant());
                    v.put("trace", f.trace());
                    v.put("detail", f.violation().detail());
                    v.put("eventsBefore", f.eventsBefore());
                    v.put("eventsAfter", f.eventsAfter());
                    v.put("scenario", f.file() == null ? null : f.file().toString());
                    return v;
                  })
              .toList());
      j.put("checks", report.checks());
      j.put("outcomes", report.outcomes());
      j.put("restartedBatches", report.restartedBatches());
      j.put("wallSeconds", report.wallSeconds());
      JsonOutput.printIndented(out, j);
    } else {
      out.printf("%ntraces         %d (seed %d)%n", report.traces(), report.seed());
      out.printf("outcomes       %s%n", report.outcomes());
      out.printf("checks         %s%n", report.checks());
      out.printf("violations     %d%n", report.findings().size());
      for (Fuzz.Finding f : report.findings()) {
        out.printf(
            "  trace %d: %s — %s%s%n",
            f.trace(),
            f.violation().invariant(),
            f.violation().detail(),
            f.file() == null ? "" : " (" + f.file() + ")");
      }
      if (report.restartedBatches() > 0) {
        out.printf(
            "restarted      %d batch(es): the test server's clock stopped; each ran again whole%n",
            report.restartedBatches());
      }
      out.printf("wall time      %.1f s%n", report.wallSeconds());
    }
    out.flush();
    return report.findings().isEmpty() ? 0 : 1;
  }
}
