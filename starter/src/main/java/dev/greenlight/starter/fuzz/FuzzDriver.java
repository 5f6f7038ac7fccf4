package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutResult;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.RolloutWorkflowOptions;
import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.fuzz.TraceLog.Sent;
import dev.greenlight.starter.rehearse.FaultInjector;
import dev.greenlight.starter.rehearse.ScenarioActions;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import dev.greenlight.starter.rehearse.ScenarioPlayer;
import dev.greenlight.starter.rehearse.SkippingClock;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives a batch of traces at once in one test environment: starts every rollout, then moves the
 * shared simulated clock from one due event to the next, sending each trace's alerts, commands and
 * faults at their time and looking at each rollout every {@link #LOOK} to fire its triggers and
 * notice its end. Single-threaded; one driver per environment.
 */
final class FuzzDriver {
  static final Duration LOOK = Duration.ofDays(1);

  /**
   * How long, in wall time, moving the simulated clock to the next event may take before the
   * environment counts as stuck ({@link SkippingClock}). A day of 16 rollouts takes a few seconds
   * even on a loaded machine.
   */
  static final Duration STUCK_AFTER = Duration.ofMinutes(2);

  /** One rollout of the batch while it runs. */
  private static final class Live {
    final TraceContext trace;
    final RolloutWorkflow workflow;
    final ScenarioPlayer player;
    final FaultInjector faults;
    long nextLook;
    long maxHistory;
    RolloutStatus status;
    TraceLog log;

    Live(TraceContext trace, RolloutWorkflow workflow, FaultInjector faults) {
      this.trace = trace;
      this.workflow = workflow;
      this.player = new ScenarioPlayer(trace.scenario, trace.startMillis, trace.metrics);
      this.faults = faults;
      this.nextLook = trace.startMillis;
    }
  }

  private final TestWorkflowEnvironment env;
  private final SkippingClock clock;

  FuzzDriver(TestWorkflowEnvironment env) {
    this.env = env;
    this.clock = new SkippingClock(env, STUCK_AFTER);
  }

  /** Runs every trace to its end or its horizon; returns their logs, in order. */
  List<TraceLog> run(List<TraceContext> traces, List<FaultInjector> injectors) {
    List<Live> live = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      TraceContext t = traces.get(i);
      RolloutWorkflow wf =
          RolloutWorkflowOptions.start(
              env.getWorkflowClient(), t.workflowId, new RolloutInput(t.plan, "fuzz", null));
      live.add(new Live(t, wf, injectors.get(i)));
    }
    List<Live> running = new ArrayList<>(live);
    while (!running.isEmpty()) {
      long now = env.currentTimeMillis();
      for (Live l : List.copyOf(running)) {
        if (now >= l.nextLook) {
          look(l, now);
          l.nextLook = now + LOOK.toMillis();
          if (l.log != null) {
            running.remove(l);
            continue;
          }
        }
        for (ScenarioPlayer.Due due : l.player.takeDue(now)) {
          act(l, due.event().action(), now);
        }
        if (now >= l.trace.startMillis + l.trace.scenario.horizon().toMillis()) {
          finish(l, "RUNNING", null);
          running.remove(l);
        }
      }
      if (running.isEmpty()) {
        break;
      }
      long next = Long.MAX_VALUE;
      for (Live l : running) {
        next = Math.min(next, l.nextLook);
        next = Math.min(next, l.player.nextDue().orElse(Long.MAX_VALUE));
        next = Math.min(next, l.trace.startMillis + l.trace.scenario.horizon().toMillis());
      }
      clock.sleep(Duration.ofMillis(Math.max(1, next - now)));
    }
    return live.stream().map(l -> l.log).toList();
  }

  /** Reads the rollout's status, fires the triggers it reached, and notices when it has ended. */
  private void look(Live l, long now) {
    // Never getResult here: on the test server a client waiting for a result lets time skip.
    WorkflowExecutionStatus closed = executionStatus(l);
    if (closed != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      l.status = l.workflow.status();
      l.maxHistory = Math.max(l.maxHistory, l.status.historyLength());
      if (closed == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        RolloutResult result = completedResult(l);
        l.maxHistory = Math.max(l.maxHistory, result.maxEventsPerRun());
        finish(l, "COMPLETED", result);
      } else {
        finish(l, closed.name().replace("WORKFLOW_EXECUTION_STATUS_", ""), null);
      }
      return;
    }
    l.status = l.workflow.status();
    l.maxHistory = Math.max(l.maxHistory, l.status.historyLength());
    l.player.observe(l.status.transitions(), now);
  }

  /**
   * The result of a completed rollout, read from its history. Not {@code getResult}: the test
   * environment lets time skip while a client waits for a result, even one already there, and in
   * that moment a batch whose other rollouts all wait on people (no timer of theirs pending) jumps
   * to the next timer there is — the server's 10-year execution timeout — and closes them
   * TIMED_OUT. Seen once in 100 traces under Maven's timing (trace 99 of seed 1).
   */
  private RolloutResult completedResult(Live l) {
    HistoryEvent last = env.getWorkflowClient().fetchHistory(l.trace.workflowId).getLastEvent();
    if (!last.hasWorkflowExecutionCompletedEventAttributes()) {
      throw new IllegalStateException(
          l.trace.workflowId + " reported COMPLETED but its last event is " + last.getEventType());
    }
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(
        0,
        Optional.of(last.getWorkflowExecutionCompletedEventAttributes().getResult()),
        RolloutResult.class,
        RolloutResult.class);
  }

  /** The latest run's status, asked of the server without waiting on the workflow. */
  private WorkflowExecutionStatus executionStatus(Live l) {
    return env.getWorkflowClient()
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(env.getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(l.trace.workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }

  private void act(Live l, ScenarioEvent.Action action, long now) {
    if (action instanceof ScenarioEvent.Fault fault) {
      String outcome = l.faults.inject(fault, now);
      l.trace.sent(new Sent(now, "fault " + fault.kind(), true, outcome));
      return;
    }
    ScenarioActions.Answer answer = ScenarioActions.send(l.workflow, action, now);
    String kind = action instanceof ScenarioEvent.Command c ? c.command() : "alert";
    l.trace.sent(new Sent(now, kind, answer.accepted(), answer.text()));
  }

  private void finish(Live l, String closeStatus, RolloutResult result) {
    if ("RUNNING".equals(closeStatus)) {
      try {
        WorkflowStub.fromTyped(l.workflow).terminate("fuzz horizon reached");
      } catch (RuntimeException e) {
        // already closed
      }
    }
    RolloutStatus s = l.status;
    List<Transition> transitions =
        result != null ? result.transitions() : s == null ? List.of() : s.transitions();
    long carried =
        s == null
            ? 0
            : DefaultDataConverter.STANDARD_INSTANCE.toPayload(s).orElseThrow().getSerializedSize();
    l.log =
        new TraceLog(
            l.trace.plan,
            l.trace.startMillis,
            TraceLog.MetricTruth.of(l.trace.metrics::valueAt, l.trace.metrics::readFailsAt),
            transitions,
            l.trace.modes.writes(),
            l.trace.sentList(),
            l.trace.faults.injected(env.currentTimeMillis()),
            l.trace.dataCalls(),
            closeStatus,
            result != null ? result.outcome() : s == null ? null : s.phase(),
            l.maxHistory,
            carried);
  }
}
