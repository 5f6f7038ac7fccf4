package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.testsupport.Closeables;
import dev.greenlight.testsupport.PrometheusProcess;
import dev.greenlight.testsupport.ScrapeTarget;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every query of the shipped Grafana dashboard ({@code grafana/greenlight.json}: panels, template
 * variables, annotations) and every expression of the shipped rule files, run through a real
 * Prometheus's {@code /api/v1/query}. The Prometheus loads the rule files (it refuses to start on
 * one it cannot parse) and scrapes {@code dashboard-sample.prom}, series shaped as Greenlight's
 * processes export them, so a query also meets data: a match that would be many-to-many, or an
 * expression a rule cannot evaluate, fails as it would in production, not only a parse error.
 */
class DashboardQueriesTest {
  static final Path DASHBOARD = Path.of("grafana/greenlight.json");
  static final List<Path> RULE_FILES =
      List.of(
          Path.of("prometheus/rules/stage-validation.yml"),
          Path.of("prometheus/rules/greenlight-health.yml"));

  /**
   * What Grafana puts in for its variables: every value of a multi-value variable, and a step for
   * the interval ones.
   */
  static final Map<String, String> VARIABLES =
      Map.of(
          "rollout", ".*",
          "endpoint", ".*",
          "gate", ".*",
          "__rate_interval", "1m",
          "__interval", "1m",
          "__range", "1h");

  /**
   * Queries that rightly find nothing in the sample: no alert fires there, and no rollout changes
   * phase.
   */
  static final Set<String> MAY_BE_EMPTY = Set.of("Firing alerts", "annotation Phase changes");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static ScrapeTarget target;
  private static PrometheusProcess prometheus;

  @BeforeAll
  static void startPrometheus() throws Exception {
    assumeTrue(ExternalTools.present("prometheus"), ExternalTools.skipReason("prometheus"));
    String sample;
    try (InputStream in =
        DashboardQueriesTest.class.getResourceAsStream("/dashboard-sample.prom")) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    AtomicInteger scrapes = new AtomicInteger();
    target = ScrapeTarget.serving(() -> counting(sample, scrapes.incrementAndGet()));
    prometheus =
        PrometheusProcess.builder()
            .ruleFiles(RULE_FILES.toArray(Path[]::new))
            .scraping(target.port())
            .start();
    prometheus.awaitReady(Duration.ofSeconds(60));
    awaitScrapesAndRuleEvaluations();
  }

  /**
   * The sample as of the {@code n}th scrape: counters (and histogram parts) times {@code n}, so
   * they move as live traffic does and a ratio guarded by {@code > 0} has a series.
   */
  static String counting(String sample, int n) {
    StringBuilder out = new StringBuilder();
    for (String line : sample.split("\n")) {
      String name = line.split("[{ ]", 2)[0];
      if (!line.startsWith("#") && name.matches(".*_(total|bucket|count|sum)$")) {
        int space = line.lastIndexOf(' ');
        double value = Double.parseDouble(line.substring(space + 1)) * n;
        line = line.substring(0, space + 1) + value;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  @AfterAll
  static void stop() throws Exception {
    Closeables.closeAll(prometheus, target);
  }

  /** Two scrapes (so rate() has points) and one evaluation of every rule group. */
  private static void awaitScrapesAndRuleEvaluations() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode scrapes = query("count_over_time(up[1m])").path("data").path("result");
      JsonNode groups = get("/api/v1/rules").path("data").path("groups");
      boolean evaluated = groups.size() == 3;
      for (JsonNode group : groups) {
        evaluated &= !group.path("lastEvaluation").asText().startsWith("0001");
      }
      if (scrapes.size() == 1 && scrapes.get(0).path("value").get(1).asDouble() >= 3 && evaluated) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no scrapes or rule evaluations within 30s:\n" + prometheus.log());
  }

  @Test
  void everyDashboardQueryRunsWithoutErrorAndFindsTheSampleSeries() throws Exception {
    Map<String, String> queries = dashboardQueries();
    assertTrue(queries.size() > 20, "only " + queries.size() + " dashboard queries found");
    List<String> problems = new ArrayList<>();
    queries.forEach(
        (where, expr) -> {
          String problem = problem(expr);
          if (problem == null
              && resultSize(expr) == 0
              && !MAY_BE_EMPTY.contains(panelOf(where))
              && !MAY_BE_EMPTY.contains(where)) {
            problem = "no series: a metric or label name does not match what is exported";
          }
          if (problem != null) {
            problems.add(where + ": " + expr + "\n    " + problem);
          }
        });
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void everyRuleExpressionRunsWithoutError() throws Exception {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Path file : RULE_FILES) {
      for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          count++;
          String name =
              rule.has("alert") ? rule.get("alert").asText() : rule.get("record").asText();
          String problem = problem(rule.get("expr").asText());
          if (problem != null) {
            problems.add(file + " " + name + ": " + problem);
          }
        }
      }
    }
    assertTrue(count >= 14, "only " + count + " rules found");
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void prometheusEvaluatesEveryLoadedRuleWithoutError() throws Exception {
    List<String> unhealthy = new ArrayList<>();
    for (JsonNode group : get("/api/v1/rules").path("data").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (!"ok".equals(rule.path("health").asText())) {
          unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
        }
      }
    }
    assertEquals(List.of(), unhealthy);
  }

  @Test
  void theCheckCatchesABrokenQuery() throws Exception {
    // Guards the guard: a parse error and an unknown function are reported, not passed.
    assertTrue(problem("sum(rate(stage_validation_requests_total[5m])").contains("parse"));
    assertTrue(problem("rates(stage_validation_requests_total[5m])").contains("unknown function"));
    assertTrue(
        substitute("greenlight_rollout_phase{rollout=~\"$rolout\"}")
            .startsWith("unknown variable"));
  }

  /**
   * Every query of the dashboard, by where it is (panel title and ref id, variable, annotation).
   */
  static Map<String, String> dashboardQueries() throws Exception {
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    Map<String, String> queries = new LinkedHashMap<>();
    collectPanels(dashboard.path("panels"), queries);
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        JsonNode query = variable.path("query");
        String text = query.isTextual() ? query.asText() : query.path("query").asText();
        queries.put("variable " + variable.path("name").asText(), labelValues(text));
      }
    }
    for (JsonNode annotation : dashboard.path("annotations").path("list")) {
      if (annotation.has("expr")) {
        queries.put(
            "annotation " + annotation.path("name").asText(), annotation.get("expr").asText());
      }
    }
    return queries;
  }

  private static void collectPanels(JsonNode panels, Map<String, String> queries) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        queries.put(
            "panel " + panel.path("title").asText() + " / " + target.path("refId").asText(),
            target.path("expr").asText());
      }
      collectPanels(panel.path("panels"), queries);
    }
  }

  private static String panelOf(String where) {
    return where.replaceFirst("^panel ", "").replaceFirst(" / [A-Z]$", "");
  }

  /** Grafana's {@code label_values(selector, label)} as the PromQL it asks for. */
  static String labelValues(String query) {
    Matcher m = Pattern.compile("^label_values\\((.+),\\s*(\\w+)\\)$").matcher(query.strip());
    if (!m.matches()) {
      throw new AssertionError("not a label_values(selector, label) variable: " + query);
    }
    return "group by (" + m.group(2) + ") (" + m.group(1) + ")";
  }

  /** {@code expr} with Grafana's variables replaced; "unknown variable …" for any other. */
  static String substitute(String expr) {
    Matcher m = Pattern.compile("\\$\\{?(\\w+)\\}?").matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = VARIABLES.get(m.group(1));
      if (value == null) {
        return "unknown variable $" + m.group(1);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Null when {@code expr} runs cleanly, else Prometheus's error or warnings. */
  static String problem(String expr) {
    String query = substitute(expr);
    if (query.startsWith("unknown variable")) {
      return query;
    }
    JsonNode answer = query(query);
    if (!"success".equals(answer.path("status").asText())) {
      return answer.path("errorType").asText() + ": " + answer.path("error").asText();
    }
    if (answer.has("warnings")) {
      return "warnings: " + answer.get("warnings");
    }
    return null;
  }

  private static int resultSize(String expr) {
    return query(substitute(expr)).path("data").path("result").size();
  }

  private static JsonNode query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(prometheus.url() + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("GET " + path + " failed: " + e + "\n" + prometheus.log(), e);
    }
  }
}
