package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.fuzz.TraceLog.DataCall;
import dev.greenlight.starter.fuzz.TraceLog.Sent;
import dev.greenlight.starter.rehearse.FaultSwitches;
import dev.greenlight.starter.rehearse.MetricScript;
import dev.greenlight.starter.rehearse.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One trace while it runs: its plan (with a surface of its own), its metric script, the faults that
 * hold ({@link FaultSwitches}, as in a rehearsal), and the log of what really happened that becomes
 * its {@link TraceLog}. Activities running for the trace's workflow find it by workflow id.
 * Thread-safe.
 */
final class TraceContext {
  final Scenario scenario;
  final RolloutPlan plan;
  final String workflowId;
  final MetricScript metrics;
  final LongSupplier clock;
  final long startMillis;
  final FaultSwitches faults = new FaultSwitches();
  final ModeWriteRecorder modes;
  private final List<DataCall> dataCalls = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private int migrationCrashesLeft;

  /**
   * Trace number {@code run} of {@code plan}, on a surface and under a workflow id of its own (both
   * end in {@code -fuzz-N}), so traces running side by side never share a mode record or an
   * execution.
   *
   * @param clock the simulated clock the trace's rollout runs on
   * @param startMillis when the trace starts on it: its metric script begins there
   */
  TraceContext(Scenario scenario, RolloutPlan plan, int run, LongSupplier clock, long startMillis) {
    String suffix = "-fuzz-" + run;
    this.scenario = scenario;
    // Without notifications: a fuzz trace must never reach a real sink.
    this.plan = plan.withSurface(plan.surface() + suffix).withNotifications(null);
    this.workflowId = RolloutConstants.workflowId(plan.name()) + suffix;
    this.clock = clock;
    this.startMillis = startMillis;
    this.metrics = new MetricScript(this.plan, Instant.ofEpochMilli(startMillis), clock);
    this.migrationCrashesLeft = scenario.migrationCrashes();
    this.modes = new ModeWriteRecorder(clock);
  }

  long now() {
    return clock.getAsLong();
  }

  boolean faultHolds(String kind) {
    return faults.holds(kind, now());
  }

  /** Whether this apply attempt crashes: the trace's {@code migrationCrashes} do, in turn. */
  synchronized boolean nextApplyCrashes() {
    if (migrationCrashesLeft > 0) {
      migrationCrashesLeft--;
      faults.recordOneOff(FaultSwitches.MIGRATION_CRASH, now());
      return true;
    }
    return false;
  }

  synchronized void dataCalled(String step, String runId, boolean succeeded) {
    dataCalls.add(new DataCall(now(), step, runId, succeeded));
  }

  synchronized void sent(Sent s) {
    sent.add(s);
  }

  synchronized List<DataCall> dataCalls() {
    return List.copyOf(dataCalls);
  }

  synchronized List<Sent> sentList() {
    return List.copyOf(sent);
  }
}
