package dev.greenlight.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.greenlight.metrics.MetricSource;
import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.rollout.GateActivitiesImpl;
import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.plan.GateSpec;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.temporal.testing.TestActivityEnvironment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed gate reads counted per rollout and gate, through the real gate activities run as
 * activities, so the rollout label is the calling workflow's id.
 */
class CountingGateActivitiesTest {
  static final GateSpec ERROR_RATE =
      new GateSpec(
          "error-rate",
          "sum(rate(http_requests_total[5m]))",
          GateSpec.Comparison.BELOW,
          0.001,
          Duration.ofMinutes(1),
          null,
          null);

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void close() {
    env.close();
    http.dispatcher().executorService().shutdown();
  }

  /** An activity that answers the id of the workflow the test environment calls it for. */
  @io.temporal.activity.ActivityInterface
  public interface WhoCalls {
    String workflowId();
  }

  private GateActivities gatesReading(MetricSource source) {
    env.registerActivitiesImplementations(
        CountingGateActivities.counting(new GateActivitiesImpl(source), registry),
        (WhoCalls)
            () -> io.temporal.activity.Activity.getExecutionContext().getInfo().getWorkflowId());
    return env.newActivityStub(GateActivities.class);
  }

  @Test
  void everyFailedReadIsCountedForItsRolloutAndGate() throws Exception {
    // Nothing listens on port 9: each read fails as it does when Prometheus is down.
    GateActivities gates =
        gatesReading(
            PrometheusConnection.fromEnv("http://127.0.0.1:9", Map.of()).metricSource(http));
    long now = System.currentTimeMillis();
    gates.readGates(new GateReadRequest(List.of(ERROR_RATE), now - 60_000, now));
    gates.readGates(new GateReadRequest(List.of(ERROR_RATE), now - 60_000, now));
    gates.readInstant(new InstantRequest("baseline", "vector(1)", now));
    String text = scrape();
    // The test environment's made-up caller: a workflow id like any rollout's.
    String rollout = "rollout=\"" + env.newActivityStub(WhoCalls.class).workflowId() + "\"";
    assertEquals(
        2.0,
        value(
            text, "greenlight_rollout_gate_read_errors_total{gate=\"error-rate\"," + rollout + "}"),
        text);
    assertEquals(
        1.0,
        value(text, "greenlight_rollout_gate_read_errors_total{gate=\"baseline\"," + rollout + "}"),
        text);
  }

  @Test
  void aReadThatFindsNoDataIsNotAnError() throws Exception {
    MetricSource empty =
        new MetricSource() {
          @Override
          public List<dev.greenlight.rollout.gates.Sample> range(
              String query, java.time.Instant from, java.time.Instant to, Duration step) {
            return List.of();
          }

          @Override
          public double instant(String query, java.time.Instant at) {
            return Double.NaN;
          }
        };
    GateActivities gates = gatesReading(empty);
    long now = System.currentTimeMillis();
    gates.readGates(new GateReadRequest(List.of(ERROR_RATE), now - 60_000, now));
    gates.readInstant(new InstantRequest("baseline", "vector(1)", now));
    String text = scrape();
    assertFalse(text.contains("greenlight_rollout_gate_read_errors_total{"), text);
  }

  private String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    return Double.NaN;
  }
}
