package dev.greenlight.starter.commands;

import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.PlanOption;
import dev.greenlight.starter.gates.GateReading;
import dev.greenlight.starter.gates.GateTable;
import dev.greenlight.starter.gates.PlanGateCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code greenlight plan gates}: reads every gate of a plan once, now, from the configured
 * Prometheus. Exit 0 when every query answered with data, red or green; 1 when any failed or
 * returned nothing; 2 for bad input (plan, Prometheus settings).
 */
@Command(name = "gates", header = "Read every gate of a plan once, now: value, threshold, verdict.")
public final class PlanGatesCommand extends ConnectedCommand {
  /** Per query: long enough for a heavy query over days of data, short enough to wait for. */
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

  @Mixin PlanOption planOption;

  @Option(names = "--json", description = "Print the readings as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RolloutPlan plan = planOption.load(cli());
    PrometheusConnection prometheus = connection.prometheus(cli());
    Instant at = Instant.now();
    OkHttpClient http = prometheus.newHttpClient(QUERY_TIMEOUT);
    List<GateReading> readings;
    try {
      readings = new PlanGateCheck(prometheus.metricSource(http)).read(plan, at);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    boolean allData = readings.stream().allMatch(GateReading::hasData);
    PrintWriter out = cli().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("plan", plan.name());
      result.put("prometheus", prometheus.url());
      result.put("at", at.toString());
      result.put("allAnswered", allData);
      result.put("gates", readings.stream().map(GateTable::json).toList());
      JsonOutput.printIndented(out, result);
    } else {
      out.printf("plan %s, gates read at %s from %s%n", plan.name(), at, prometheus);
      GateTable.print(out, readings);
    }
    return allData ? 0 : 1;
  }
}
