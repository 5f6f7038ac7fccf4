package dev.greenlight.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenlight.rollout.GateWindow;
import dev.greenlight.rollout.GateWindow.Verdict;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.RolloutWorkflowImpl;
import dev.greenlight.rollout.RolloutWorkflowOptions;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout series on a real {@code /metrics}, read through the real workflow's {@code status}
 * query in Temporal's test environment. One rollout is started from a carried state (the way a run
 * continues as new) paused in a canary, so every value is known; the other is a first run parked in
 * pre-flight, as the worker hosts no activities here.
 */
class RolloutMetricsTest {
  static final String CANARY = "rollout-metrics-canary";
  static final String PREFLIGHT = "rollout-metrics-preflight";
  static final String OFF = "rollout-metrics-off";
  static final String PLAN = "plan=\"stage-normalization-v3.4\"";

  private TestWorkflowEnvironment env;

  @BeforeEach
  void startRollouts() throws InterruptedException {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributes.REQUIRED.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(RolloutConstants.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RolloutWorkflowImpl.class);
    env.start();
    start(CANARY, pausedCanary());
    start(PREFLIGHT, null);
    start(OFF, pausedOff());
    awaitAnswering(CANARY);
    awaitAnswering(PREFLIGHT);
    awaitAnswering(OFF);
  }

  /** A query before the run's first workflow task has nothing to answer from. */
  private void awaitAnswering(String workflowId) throws InterruptedException {
    RolloutWorkflow rollout =
        env.getWorkflowClient().newWorkflowStub(RolloutWorkflow.class, workflowId);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (rollout.status().phase() != null) {
          return;
        }
      } catch (RuntimeException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      Thread.sleep(50);
    }
  }

  @AfterEach
  void close() {
    env.close();
  }

  /** A canary at 10 % in ENFORCE, held by hand, one gate green and one red. */
  private static RolloutState pausedCanary() {
    RolloutState s = new RolloutState();
    s.phase = Phase.CANARY;
    s.mode = ValidationMode.ENFORCE;
    s.percent = 10;
    s.canary.canaryStep = 0;
    s.phaseStartedAtMillis = 1_700_000_000_000L;
    s.steering.paused = true;
    s.steering.pauseCause = RolloutState.PauseCause.MANUAL;
    s.steering.pauseReason = "held by the test";
    s.steering.pendingApprovals.add(RolloutConstants.APPROVE_DISTINCT_STAGES);
    s.gates.consecutiveGateErrors = 2;
    s.canary.rollbacks = 1;
    s.history.notifications.sent = 5;
    s.history.notifications.failed = 3;
    s.attemptId = "attempt-1";
    long at = 1_700_000_600_000L;
    s.gates.gateWindows.put(
        "p99-latency",
        new GateWindow("p99-latency", at, Verdict.GREEN, "green", at, 1.0, 0.0004, 0.0004));
    s.gates.gateWindows.put(
        "error-rate",
        new GateWindow("error-rate", at, Verdict.RED, "over 0.001", at, 1.0, 0.002, 0.0015));
    return s;
  }

  /** OFF keeps no gate windows: its request count comes from the latest reading. */
  private static RolloutState pausedOff() {
    RolloutState s = new RolloutState();
    s.phase = Phase.OFF;
    s.mode = ValidationMode.OFF;
    s.steering.paused = true;
    s.steering.pauseCause = RolloutState.PauseCause.MANUAL;
    s.attemptId = "attempt-2";
    s.gates.lastReadings.add(
        new dev.greenlight.rollout.gates.GateSummary(
            "requests-per-endpoint",
            dev.greenlight.rollout.gates.GateSummary.Outcome.DATA,
            null,
            10,
            10,
            12_345,
            12_000,
            0,
            0,
            1_700_000_600_000L));
    return s;
  }

  private void start(String workflowId, RolloutState carried) {
    RolloutWorkflowOptions.start(
        env.getWorkflowClient(), workflowId, new RolloutInput(loadPlan(), "metrics-test", carried));
  }

  @Test
  void aPausedCanaryShowsWhereItStandsOnMetrics() throws Exception {
    Scrape scrape = scrapeFreshWorker();
    String canary = "rollout=\"" + CANARY + "\"";
    assertEquals(1, scrape.value("greenlight_rollout_phase", PLAN, "phase=\"CANARY\"", canary));
    assertEquals(0, scrape.value("greenlight_rollout_phase", PLAN, "phase=\"WARN\"", canary));
    assertEquals(1, scrape.value("greenlight_rollout_mode", "mode=\"enforce\"", PLAN, canary));
    assertEquals(0, scrape.value("greenlight_rollout_mode", "mode=\"warn\"", PLAN, canary));
    assertEquals(10, scrape.value("greenlight_rollout_enforce_percent", PLAN, canary));
    assertEquals(1, scrape.value("greenlight_rollout_paused", "cause=\"MANUAL\"", PLAN, canary));
    assertEquals(1, scrape.value("greenlight_rollout_pending_approvals", PLAN, canary));
    assertEquals(
        1_700_000_000.0,
        scrape.value("greenlight_rollout_phase_started_timestamp_seconds", PLAN, canary));
    // The canary's window is the plan's 30m; a red gate means none of it is earned.
    assertEquals(
        1800, scrape.value("greenlight_rollout_green_window_target_seconds", PLAN, canary));
    assertEquals(0, scrape.value("greenlight_rollout_green_window_seconds", PLAN, canary));
    assertEquals(
        0.002, scrape.value("greenlight_rollout_gate_value", "gate=\"error-rate\"", PLAN, canary));
    assertEquals(
        0.001,
        scrape.value(
            "greenlight_rollout_gate_threshold",
            "comparison=\"below\"",
            "gate=\"error-rate\"",
            PLAN,
            canary));
    assertEquals(1, gateVerdict(scrape, canary, "error-rate", "RED"));
    assertEquals(0, gateVerdict(scrape, canary, "error-rate", "GREEN"));
    assertEquals(1, gateVerdict(scrape, canary, "p99-latency", "GREEN"));
    assertEquals(2, scrape.value("greenlight_rollout_gate_consecutive_read_errors", PLAN, canary));
    assertEquals(1, scrape.value("greenlight_rollout_rollbacks_total", PLAN, canary));
    assertEquals(3, scrape.value("greenlight_rollout_notifications_failed_total", PLAN, canary));
    assertEquals(3, scrape.value("greenlight_rollouts_open"));
  }

  /** The rollout's one-hot verdict gauge for {@code gate}: 1 on the verdict it holds, else 0. */
  private static double gateVerdict(Scrape scrape, String rollout, String gate, String verdict) {
    return scrape.value(
        "greenlight_rollout_gate_verdict",
        "gate=\"" + gate + "\"",
        PLAN,
        rollout,
        "verdict=\"" + verdict + "\"");
  }

  @Test
  void aRolloutInPreflightHasNoModeYetAndIsNotPaused() throws Exception {
    Scrape scrape = scrapeFreshWorker();
    String preflight = "rollout=\"" + PREFLIGHT + "\"";
    assertEquals(
        1, scrape.value("greenlight_rollout_phase", PLAN, "phase=\"PREFLIGHT\"", preflight));
    for (String mode : List.of("off", "warn", "enforce")) {
      assertEquals(
          0, scrape.value("greenlight_rollout_mode", "mode=\"" + mode + "\"", PLAN, preflight));
    }
    assertEquals(0, scrape.value("greenlight_rollout_paused", "cause=\"none\"", PLAN, preflight));
    assertEquals(
        0, scrape.value("greenlight_rollout_green_window_target_seconds", PLAN, preflight));
    assertNull(scrape.valueOrNull("greenlight_rollout_gate_value", PLAN, preflight));
  }

  @Test
  void offShowsItsRequestCountAgainstTheAtLeastThreshold() throws Exception {
    Scrape scrape = scrapeFreshWorker();
    String off = "rollout=\"" + OFF + "\"";
    String gate = "gate=\"requests-per-endpoint\"";
    assertEquals(12_345, scrape.value("greenlight_rollout_gate_value", gate, PLAN, off));
    assertEquals(
        10_000,
        scrape.value(
            "greenlight_rollout_gate_threshold", "comparison=\"at_least\"", gate, PLAN, off));
    assertEquals(1, scrape.value("greenlight_rollout_mode", "mode=\"off\"", PLAN, off));
    assertNull(
        scrape.valueOrNull(
            "greenlight_rollout_gate_verdict", gate, PLAN, off, "verdict=\"GREEN\""));
  }

  @Test
  void aClosedRolloutDropsOutAtTheNextRefresh() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RolloutMetrics metrics = rolloutMetrics(registry)) {
      metrics.refresh();
      env.getWorkflowClient().newUntypedWorkflowStub(PREFLIGHT).terminate("test");
      metrics.refresh();
      Scrape scrape = scrape(registry);
      assertEquals(2, scrape.value("greenlight_rollouts_open"));
      assertFalse(scrape.text.contains(PREFLIGHT), scrape.text);
      assertEquals(
          1,
          scrape.value(
              "greenlight_rollout_phase", PLAN, "phase=\"CANARY\"", "rollout=\"" + CANARY + "\""));
    }
  }

  @Test
  void everyRolloutSeriesTheDashboardAndAlertsReadIsExported() throws Exception {
    // The ops module checks the dashboard's and the alerts' queries against sample series; this
    // ties the sample's names to what the worker really exports.
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Scrape scrape;
    try (RolloutMetrics metrics = rolloutMetrics(registry)) {
      metrics.refresh();
      scrape = scrape(registry);
    }
    Path ops = repositoryRoot().resolve("ops");
    String readers =
        Files.readString(ops.resolve("grafana/greenlight.json"))
            + Files.readString(ops.resolve("prometheus/rules/greenlight-health.yml"))
            + Files.readString(ops.resolve("prometheus/tests/greenlight-health-test.yml"))
            + Files.readString(ops.resolve("src/test/resources/dashboard-sample.prom"));
    java.util.regex.Matcher names =
        java.util.regex.Pattern.compile("greenlight_rollouts?_[a-z_]+").matcher(readers);
    java.util.Set<String> missing = new java.util.TreeSet<>();
    while (names.find()) {
      String name = names.group();
      // A labelled counter has no series before its first error; CountingGateActivitiesTest
      // shows this one's exact series.
      if (!name.equals("greenlight_rollout_gate_read_errors_total")
          && !java.util.regex.Pattern.compile("(?m)^(# TYPE )?" + name + "[{ ]")
              .matcher(scrape.text())
              .find()) {
        missing.add(name);
      }
    }
    assertEquals(java.util.Set.of(), missing, scrape.text());
  }

  @Test
  void aStatusThatCannotBeReadKeepsTheLastAnswerAndCountsTheFailure() throws Exception {
    env.getWorkflowClient().newUntypedWorkflowStub(PREFLIGHT).terminate("test");
    env.getWorkflowClient().newUntypedWorkflowStub(OFF).terminate("test");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RolloutMetrics metrics = rolloutMetrics(registry)) {
      metrics.refresh();
      String canary = "rollout=\"" + CANARY + "\"";
      double readAt =
          scrape(registry).value("greenlight_rollout_status_read_timestamp_seconds", PLAN, canary);
      // No worker left to answer the query: it fails at the query deadline.
      env.getWorkerFactory().shutdownNow();
      env.getWorkerFactory().awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      metrics.refresh();
      Scrape scrape = scrape(registry);
      assertEquals(
          1, scrape.value("greenlight_rollout_metrics_read_failures_total", "step=\"status\""));
      assertEquals(
          readAt, scrape.value("greenlight_rollout_status_read_timestamp_seconds", PLAN, canary));
      assertEquals(1, scrape.value("greenlight_rollout_phase", PLAN, "phase=\"CANARY\"", canary));
    }
  }

  /**
   * A worker that has just started (a new registry, a new collector) reads every open rollout from
   * the server on its first refresh, before any of them has had a workflow task on it.
   */
  private Scrape scrapeFreshWorker() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RolloutMetrics metrics = rolloutMetrics(registry)) {
      metrics.refresh();
      return scrape(registry);
    }
  }

  private RolloutMetrics rolloutMetrics(PrometheusMeterRegistry registry) {
    RolloutMetrics metrics =
        new RolloutMetrics(
            // A short deadline: a read nobody can answer fails in seconds, not ten.
            new OpenRollouts(
                env.getWorkflowServiceStubs(),
                env.getWorkflowClient(),
                java.time.Duration.ofSeconds(2)));
    registry.getPrometheusRegistry().register(metrics);
    return metrics;
  }

  /** Through the worker's real endpoint, as Prometheus would scrape it. */
  private static Scrape scrape(PrometheusMeterRegistry registry) throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, "127.0.0.1", 0)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      return new Scrape(response.body());
    }
  }

  /** The text format, read one sample line at a time. */
  record Scrape(String text) {
    /**
     * The value of the sample named {@code name} whose labels are exactly {@code labels} ({@code
     * name="value"}, in any order: the exposition sorts them by name).
     */
    Double valueOrNull(String name, String... labels) {
      String series =
          labels.length == 0
              ? name
              : name
                  + "{"
                  + String.join(",", java.util.Arrays.stream(labels).sorted().toList())
                  + "}";
      for (String line : text.split("\n")) {
        if (line.startsWith(series + " ")) {
          return Double.parseDouble(line.substring(series.length() + 1).strip());
        }
      }
      return null;
    }

    double value(String name, String... labels) {
      Double value = valueOrNull(name, labels);
      if (value == null) {
        throw new AssertionError(
            name + " " + List.of(labels) + " is not on /metrics:\n" + grep(name));
      }
      return value;
    }

    private String grep(String name) {
      StringBuilder lines = new StringBuilder();
      for (String line : text.split("\n")) {
        if (line.startsWith(name)) {
          lines.append(line).append('\n');
        }
      }
      return lines.length() == 0 ? text : lines.toString();
    }
  }

  static RolloutPlan loadPlan() {
    return new PlanParser().parse(repositoryRoot().resolve("plans/stage-normalization-v3.4.yaml"));
  }

  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("plans/stage-normalization-v3.4.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("plans/stage-normalization-v3.4.yaml not found");
  }
}
