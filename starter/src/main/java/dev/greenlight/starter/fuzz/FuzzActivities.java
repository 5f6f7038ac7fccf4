package dev.greenlight.starter.fuzz;

import dev.greenlight.metrics.MetricSource;
import dev.greenlight.rollout.GateActivitiesImpl;
import dev.greenlight.rollout.NotifyActivitiesImpl;
import dev.greenlight.rollout.activity.ConsumerAuditRequest;
import dev.greenlight.rollout.activity.ConsumerAuditResult;
import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.rollout.activity.PreflightActivities;
import dev.greenlight.rollout.activity.RedisProbeRequest;
import dev.greenlight.rollout.activity.RedisProbeResult;
import dev.greenlight.rollout.gates.Sample;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activities many traces share in one test environment, each call routed to its trace by the
 * workflow id it runs for: the real mode activity over real Redis (every trace has a surface of its
 * own) behind a recorder and the trace's {@code mode-flips-fail} fault, the real gate activity over
 * the trace's metric script, a passing pre-flight, and {@link FuzzData}.
 */
final class FuzzActivities {
  private final Map<String, TraceContext> traces = new ConcurrentHashMap<>();
  private final ModeActivities realModes;

  FuzzActivities(ModeActivities realModes) {
    this.realModes = realModes;
  }

  void add(TraceContext trace) {
    traces.put(trace.workflowId, trace);
  }

  TraceContext trace(String workflowId) {
    TraceContext t = traces.get(workflowId);
    if (t == null) {
      throw new IllegalStateException("no fuzz trace runs as " + workflowId);
    }
    return t;
  }

  static String currentWorkflowId() {
    return Activity.getExecutionContext().getInfo().getWorkflowId();
  }

  void registerOn(Worker worker) {
    worker.registerActivitiesImplementations(
        new RecordedModes(),
        new GateActivitiesImpl(new RoutedMetrics()),
        new PassingPreflight(),
        new FuzzData(this::trace),
        // Fuzzed plans carry no sinks (TraceContext drops them), so this is never called;
        // registered so that a workflow that did notify would not wait on an unknown activity.
        NotifyActivitiesImpl.create(null));
  }

  /** The real mode flip, unless the trace's Redis refuses writes; every landed write recorded. */
  private final class RecordedModes implements ModeActivities {
    @Override
    public ModeFlipResult flipMode(ModeFlipRequest request) {
      TraceContext trace = trace(currentWorkflowId());
      if (trace.faultHolds("mode-flips-fail")) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Redis refused the write (fuzz fault mode-flips-fail)", "ModeStoreUnavailable");
      }
      ModeFlipResult result = realModes.flipMode(request);
      trace.modes.landed(request, result);
      return result;
    }
  }

  /** The trace's own script answers each read. */
  private final class RoutedMetrics implements MetricSource {
    @Override
    public List<Sample> range(String query, Instant from, Instant to, Duration step) {
      return trace(currentWorkflowId()).metrics.range(query, from, to, step);
    }

    @Override
    public double instant(String query, Instant at) {
      return trace(currentWorkflowId()).metrics.instant(query, at);
    }
  }

  /** Pre-flight passes: its checks are tested against real services elsewhere. */
  private static final class PassingPreflight implements PreflightActivities {
    @Override
    public ConsumerAuditResult auditConsumers(ConsumerAuditRequest request) {
      return new ConsumerAuditResult(100, 2, List.of(), 0);
    }

    @Override
    public RedisProbeResult probeRedis(RedisProbeRequest request) {
      return new RedisProbeResult(300, true, "fuzz: probe skipped");
    }

    @Override
    public long countCompanies() {
      return 1_000_000;
    }
  }
}
