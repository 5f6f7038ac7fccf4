package dev.greenlight.worker;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.temporal.api.common.v1.WorkflowExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every open rollout stands, on the worker's {@code /metrics}: every {@link
 * #REFRESH_INTERVAL} it lists the open rollouts on the Temporal server and asks each for its {@code
 * status}, and a scrape serves the latest answers ({@link RolloutSeries}). Read from the server,
 * not kept by workflow code, so the series are there right after a worker restart and no replay
 * changes them; the workflow needs no change and writes no history for it.
 *
 * <p>A scrape never waits on Temporal. When a rollout's status cannot be read its last reading is
 * served, and {@code greenlight_rollout_status_read_timestamp_seconds} shows how old it is; a
 * rollout that is no longer open drops out at the next refresh. Its own health: {@code
 * greenlight_rollout_metrics_read_failures_total{step}} and {@code greenlight_rollouts_open}.
 *
 * <p>Thread-safe. {@link #close()} stops the refreshes.
 */
final class RolloutMetrics implements MultiCollector, AutoCloseable {
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(RolloutMetrics.class);

  private final OpenRollouts rollouts;
  private final AtomicLong listFailures = new AtomicLong();
  private final AtomicLong statusFailures = new AtomicLong();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "greenlight-rollout-metrics");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Map<String, OpenRollouts.Reading> readings = Map.of();
  private volatile int open = -1;

  RolloutMetrics(OpenRollouts rollouts) {
    this.rollouts = rollouts;
  }

  /** Registers on {@code registry} and refreshes now and every {@link #REFRESH_INTERVAL}. */
  RolloutMetrics start(PrometheusRegistry registry) {
    registry.register(this);
    scheduler.scheduleWithFixedDelay(
        this::refreshQuietly, 0, REFRESH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Reads every open rollout once; what a scrape serves afterwards. */
  synchronized void refresh() {
    List<WorkflowExecution> executions;
    try {
      executions = rollouts.list();
    } catch (RuntimeException e) {
      // Keep serving what was read last: the read timestamps show it aging.
      listFailures.incrementAndGet();
      log.warn("event=rollout-metrics-list-failed error={}", e.toString());
      return;
    }
    Map<String, OpenRollouts.Reading> next = new LinkedHashMap<>();
    for (WorkflowExecution execution : executions) {
      try {
        next.put(execution.getWorkflowId(), rollouts.read(execution));
      } catch (RuntimeException e) {
        statusFailures.incrementAndGet();
        log.warn(
            "event=rollout-metrics-status-failed rollout={} error={}",
            execution.getWorkflowId(),
            e.toString());
        OpenRollouts.Reading last = readings.get(execution.getWorkflowId());
        if (last != null && last.runId().equals(execution.getRunId())) {
          next.put(execution.getWorkflowId(), last);
        }
      }
    }
    readings = Map.copyOf(next);
    open = executions.size();
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep the schedule alive.
      log.error("event=rollout-metrics-refresh-failed error={}", e.toString(), e);
    }
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>(RolloutSeries.of(readings.values()));
    snapshots.add(
        new CounterSnapshot(
            new MetricMetadata(
                "greenlight_rollout_metrics_read_failures",
                "Failed reads of the open rollouts (step list) or of one's status (step status)."),
            List.of(failures("list", listFailures), failures("status", statusFailures))));
    if (open >= 0) {
      snapshots.add(
          new GaugeSnapshot(
              new MetricMetadata(
                  "greenlight_rollouts_open", "Open rollouts at the latest successful listing."),
              List.of(GaugeDataPointSnapshot.builder().value(open).build())));
    }
    return new MetricSnapshots(snapshots);
  }

  private static CounterDataPointSnapshot failures(String step, AtomicLong count) {
    return CounterDataPointSnapshot.builder()
        .labels(Labels.of("step", step))
        .value(count.get())
        .build();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
