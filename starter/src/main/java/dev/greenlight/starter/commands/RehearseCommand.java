package dev.greenlight.starter.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.rollout.NotificationCounts;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.LegacyWorkflowOption;
import dev.greenlight.starter.PgToolOptions;
import dev.greenlight.starter.PlanFiles;
import dev.greenlight.starter.PlanOption;
import dev.greenlight.starter.rehearse.HtmlReport;
import dev.greenlight.starter.rehearse.NotifyPreview;
import dev.greenlight.starter.rehearse.Rehearsal;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioException;
import dev.greenlight.starter.rehearse.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight rehearse}: the whole rollout on embedded services, in seconds. */
@Command(
    name = "rehearse",
    header = "Rehearse a whole rollout in-process with simulated time and a metric scenario.")
public final class RehearseCommand extends ConnectedCommand {
  @Mixin PgToolOptions pgTools;

  @Mixin PlanOption plan;

  @Option(
      names = "--scenario",
      defaultValue = "happy",
      paramLabel = "NAME|FILE",
      description = "A scenario in plans/scenarios/ or a YAML file (default ${DEFAULT-VALUE}).")
  String scenario;

  @Option(
      names = "--rows",
      defaultValue = "10000",
      description = "Rows to seed (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--json", description = "Print the summary as JSON instead of the live log.")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Write a self-contained HTML report.")
  Path report;

  @Option(
      names = "--notify-url",
      paramLabel = "URL",
      description =
          "Send what the rollout would tell its notification sinks, as Slack-compatible JSON, to"
              + " this webhook (a preview; the plan's own sinks are never sent to).")
  String notifyUrl;

  @Mixin LegacyWorkflowOption legacy;

  @Override
  public Integer call() throws Exception {
    legacy.apply();
    OptionBounds.requireZeroOrMore(cli(), "--rows", rows);
    RolloutPlan rolloutPlan =
        BadInput.parse(cli(), () -> NotifyPreview.apply(plan.load(cli()), notifyUrl));
    Scenario loaded;
    try {
      loaded =
          new ScenarioLoader()
              .load(
                  PlanFiles.locate(
                      ScenarioLoader.resolve(scenario, Path.of(PlanFiles.SCENARIO_DIR))));
    } catch (ScenarioException e) {
      throw new CommandLine.ParameterException(cli(), e.getMessage());
    }
    PrintWriter out = cli().getOut();
    // With --json the live log is kept from stdout, so the JSON stays parseable.
    PrintWriter live = json ? new PrintWriter(new StringWriter()) : out;
    Rehearsal.Outcome outcome =
        Rehearsal.run(
            rolloutPlan,
            loaded,
            new Rehearsal.Options(
                rows,
                connection.toWorkerConfig().dbUrl(),
                connection.toWorkerConfig().redisUrl(),
                pgTools.tools()),
            live);
    if (notifyUrl != null && !json) {
      NotificationCounts sent = outcome.notifications();
      out.printf(
          // Not the URL: a Slack webhook URL is a credential, and this output lands in CI logs.
          "notifications  %d sent to the --notify-url webhook: %d delivered, %d failed%s%n",
          sent.sent(),
          sent.delivered(),
          sent.failed(),
          sent.lastFailure() == null ? "" : " (last: " + sent.lastFailure() + ")");
    }
    if (report != null) {
      Files.writeString(report, HtmlReport.render(outcome));
      if (!json) {
        out.println("report         " + report.toAbsolutePath());
      }
    }
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode node = mapper.valueToTree(outcome.result());
      node.set("violations", mapper.valueToTree(outcome.violations()));
      JsonOutput.printIndented(out, node);
    }
    out.flush();
    // A rehearsal is a check: one that ends elsewhere than its scenario expects, or breaks a
    // safety invariant (the fuzz oracle's, run on every rehearsal), fails.
    String expected = outcome.result().expected();
    boolean asExpected = expected == null || expected.equals(outcome.result().outcome());
    return asExpected && outcome.violations().isEmpty() ? 0 : 1;
  }
}
