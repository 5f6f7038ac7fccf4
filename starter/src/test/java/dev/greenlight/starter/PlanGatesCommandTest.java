package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.testsupport.PrometheusProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code greenlight plan gates} against a real Prometheus scraping a target that serves the series
 * the shipped plan reads: every query answers (exit 0, red gates included), a query without data or
 * one Prometheus cannot parse exits 1 naming it, a bad plan or setting exits 2.
 */
class PlanGatesCommandTest {
  private static final String[] GATES = {
    "requests-per-endpoint",
    "unknown-baseline",
    "unknown-rate",
    "unknown-rate-block",
    "p99-latency",
    "error-rate",
    "daily-unknown-rate"
  };

  @TempDir static Path dir;
  private static ScrapedGates gates;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(ExternalTools.present("prometheus"), ExternalTools.skipReason("prometheus"));
    gates = ScrapedGates.start(PrometheusProcess::scraping);
    gates.awaitRates(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (gates != null) {
      gates.close();
    }
  }

  static Path shippedPlan() {
    return GreenlightCommandTest.planPath();
  }

  /** The shipped plan with one query replaced. */
  private static Path planWith(String name, String oldQuery, String newQuery) throws Exception {
    String yaml = Files.readString(shippedPlan());
    assertTrue(yaml.contains(oldQuery), oldQuery);
    return Files.writeString(dir.resolve(name + ".yaml"), yaml.replace(oldQuery, newQuery));
  }

  private static Cli gates(Path plan, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "plan";
    args[1] = "gates";
    args[2] = "--plan=" + plan;
    args[3] = "--prometheus=" + gates.prometheus().url();
    System.arraycopy(more, 0, args, 4, more.length);
    return Cli.run(args);
  }

  /** {@code plan gates} on the shipped plan with one query replaced: it exits 1. */
  private static Cli gatesExit1With(String name, String oldQuery, String newQuery, String... more)
      throws Exception {
    Cli cli = gates(planWith(name, oldQuery, newQuery), more);
    assertEquals(1, cli.exit(), cli.toString());
    return cli;
  }

  /** Fails unless a line of the output ends with a match of {@code row}, a regular expression. */
  private static void assertRow(Cli cli, String row) {
    assertTrue(cli.out().matches("(?s).*" + row + "\n.*"), cli.out());
  }

  @Test
  void everyGateOfTheShippedPlanAnswersRedOrGreen() {
    Cli cli = gates(shippedPlan());
    assertEquals(0, cli.exit(), cli.toString());
    for (String gate : GATES) {
      assertTrue(cli.out().contains(gate), "no " + gate + " in " + cli);
    }
    // Three endpoints at a few thousand requests each: far below the 10,000 the plan wants.
    assertRow(cli, "off +requests-per-endpoint +\\S+ +≥ 10000 +red");
    assertRow(cli, "canary +error-rate +0\\.0000?9+\\d* +< 0\\.001 +green");
    assertTrue(cli.out().contains("8 of 8 queries answered with data\n"), cli.out());
    assertTrue(cli.out().startsWith("plan stage-normalization-v3.4, gates read at "), cli.out());
  }

  /**
   * A shipped query replaced by one that cannot answer: the table row it gets, and what the output
   * says about it. Named by {@code file}, the plan it is written to.
   */
  record BrokenQuery(String file, String shipped, String broken, String row, List<String> said) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<BrokenQuery> brokenQueries() {
    return Stream.of(
        new BrokenQuery(
            "no-data",
            "sum(increase(stage_validation_requests_total{outcome=~\"accepted_unknown|rejected\"}[1d]))",
            "sum(increase(greenlight_never_exported_total[1d]))",
            "warnExit +daily-unknown-rate +- +< 0\\.005 +no-data",
            List.of(
                "warnExit daily-unknown-rate returned no data: sum(increase(greenlight_never",
                "7 of 8 queries answered with data; the others need")),
        new BrokenQuery(
            "bad-promql",
            "histogram_quantile(0.99, sum by (le) (rate(stage_validation_duration_seconds_bucket[5m])))",
            "histogram_quantile(0.99, sum by (le) (rate(x[5m]))",
            "canary +p99-latency +- +< 0\\.001 +error",
            List.of("canary p99-latency failed: Prometheus query", "HTTP 400, bad_data")));
  }

  /** A query without data, or one Prometheus cannot parse, exits 1 naming it and why. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenQueries")
  void aQueryThatCannotAnswerExits1NamingIt(BrokenQuery query) throws Exception {
    Cli cli = gatesExit1With(query.file(), query.shipped(), query.broken());
    assertRow(cli, query.row());
    for (String said : query.said()) {
      assertTrue(cli.out().contains(said), cli.out());
    }
  }

  @Test
  void jsonHasOneEntryPerQueryWithValueAndVerdict() throws Exception {
    Cli cli =
        gatesExit1With(
            "json",
            "query: (sum(rate(http_requests_total{status=~\"5..\"}[5m])) or vector(0))",
            "query: (sum(rate(greenlight_never_exported_total[5m])))",
            "--json");
    JsonNode root = new ObjectMapper().readTree(cli.out());
    assertEquals("stage-normalization-v3.4", root.path("plan").asText());
    assertEquals(gates.prometheus().url() + "/", root.path("prometheus").asText());
    assertEquals(false, root.path("allAnswered").asBoolean(true));
    JsonNode gates = root.path("gates");
    assertEquals(8, gates.size());
    for (JsonNode gate : gates) {
      boolean errorRate = gate.path("gate").asText().equals("error-rate");
      assertEquals(errorRate, gate.path("value").isNull(), gate.toString());
      assertTrue(gate.path("query").isTextual(), gate.toString());
    }
    JsonNode requests = gates.get(0);
    assertEquals("off", requests.path("phase").asText());
    assertEquals("AT_LEAST", requests.path("comparison").asText());
    assertEquals(10000.0, requests.path("threshold").asDouble());
    assertEquals("red", requests.path("verdict").asText());
    assertEquals("recorded", gates.get(1).path("verdict").asText());
    assertTrue(gates.get(1).path("threshold").isNull());
    assertEquals("no-data", gates.get(5).path("verdict").asText());
  }

  @Test
  void aMissingPlanIsBadInput() {
    Cli cli = gates(dir.resolve("no-such-plan.yaml"));
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(cli.err().contains("does not exist"), cli.toString());
  }

  @Test
  void anInvalidPlanIsBadInput() throws Exception {
    Path plan = planWith("invalid", "threshold: 0.005", "threshold: lots");
    Cli cli = gates(plan);
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(cli.out().isEmpty(), cli.toString());
  }

  @Test
  void aPrometheusUrlThatIsNotOneIsBadInput() {
    Cli cli = Cli.run("plan", "gates", "--plan=" + shippedPlan(), "--prometheus=prometheus:9090");
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(
        cli.err().contains("--prometheus (PROMETHEUS_URL) must be an http:// or https:// URL"),
        cli.toString());
  }
}
