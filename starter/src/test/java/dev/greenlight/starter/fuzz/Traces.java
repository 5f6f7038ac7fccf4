package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.fuzz.TraceLog.DataCall;
import dev.greenlight.starter.fuzz.TraceLog.FaultWindow;
import dev.greenlight.starter.fuzz.TraceLog.MetricTruth;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.starter.fuzz.TraceLog.Sent;
import dev.greenlight.testsupport.RepoFiles;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Doctored traces for the oracle's tests: a clean v3.4 rollout (every gate comfortably green,
 * ENFORCE 10 % → 50 % → 100 %, a 24-hour soak, seven WARN-exit days) that each test bends into the
 * one violation it is about.
 */
final class Traces {
  static final RolloutPlan PLAN = new PlanParser().parse(RepoFiles.v34Plan());

  static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  static final String RUN = "attempt-1";
  static final String WORKFLOW = "greenlight:rollout-stage-normalization-v3.4";

  /** ENFORCE 10 % is written here; the canary's clock. */
  static final long CANARY = START + days(5) + hours(2);

  static final long STEP_50 = CANARY + hours(2);
  static final long SOAK = STEP_50 + hours(4);
  static final long WARN_EXIT = SOAK + hours(24);
  static final long COMPLETED = WARN_EXIT + days(7);

  private Traces() {}

  static long minutes(long n) {
    return Duration.ofMinutes(n).toMillis();
  }

  static long hours(long n) {
    return Duration.ofHours(n).toMillis();
  }

  static long days(long n) {
    return Duration.ofDays(n).toMillis();
  }

  /** Every gate at a quarter of its threshold, reads always working. */
  static MetricTruth healthy() {
    return MetricTruth.of((gate, at) -> 0.0002, (gate, at) -> false);
  }

  /** {@code base}, except {@code gate} reads {@code value} over {@code [from, until)}. */
  static MetricTruth bent(MetricTruth base, String gate, long from, long until, double value) {
    return MetricTruth.of(
        (g, at) -> g.equals(gate) && at >= from && at < until ? value : base.valueAt(g, at),
        base::readFailsAt);
  }

  /** The clean rollout, to be bent. */
  static Builder happy() {
    Builder b = new Builder();
    b.transition(START, Phase.OFF, ValidationMode.OFF, 0, "pre-flight passed; mode off");
    b.write(START, ValidationMode.OFF, 0);
    b.data(START, "backup", RUN, true).data(START, "verify", RUN, true);
    b.data(START, "restore-test", RUN, true);
    b.transition(START + days(2), Phase.WARN, ValidationMode.WARN, 0, "mode warn 0%");
    b.write(START + days(2), ValidationMode.WARN, 0);
    long normalize = START + days(5);
    b.transition(normalize, Phase.NORMALIZE, ValidationMode.WARN, 0, "unknown rate green");
    b.data(normalize, "backup", RUN, true).data(normalize, "verify", RUN, true);
    b.data(normalize, "restore-test", RUN, true).data(normalize, "dry-run", RUN, true);
    b.data(normalize + hours(1), "apply", RUN, true);
    b.data(normalize + hours(1), "verify-distinct", RUN, true);
    b.transition(CANARY, Phase.CANARY, ValidationMode.WARN, 0, "migration done");
    b.enforce(CANARY, 10);
    b.transition(CANARY, Phase.CANARY, ValidationMode.ENFORCE, 10, "mode enforce 10%");
    b.transition(
        STEP_50, Phase.CANARY, ValidationMode.ENFORCE, 10, "step 10% promoted: every gate green");
    b.enforce(STEP_50, 50);
    b.transition(
        SOAK, Phase.SOAK, ValidationMode.ENFORCE, 50, "step 50% promoted: every gate green");
    b.enforce(SOAK, 100);
    b.transition(WARN_EXIT, Phase.WARN_EXIT, ValidationMode.ENFORCE, 100, "soak: green 24h");
    b.transition(COMPLETED, Phase.COMPLETED, ValidationMode.ENFORCE, 100, "7 good days");
    return b;
  }

  /** A mutable trace: lists to bend, then {@link #build}. */
  static final class Builder {
    MetricTruth metrics = healthy();
    final List<Transition> transitions = new ArrayList<>();
    final List<ModeWrite> writes = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<FaultWindow> faults = new ArrayList<>();
    final List<DataCall> data = new ArrayList<>();
    String closeStatus = "COMPLETED";
    Phase finalPhase = Phase.COMPLETED;
    long maxEventsPerRun = 1_200;
    long carriedStateBytes = 20_000;
    private long version;

    Builder transition(long at, Phase phase, ValidationMode mode, int percent, String reason) {
      transitions.add(new Transition(at, phase, mode, percent, reason));
      return this;
    }

    Builder write(long at, ValidationMode mode, int percent) {
      writes.add(new ModeWrite(at, WORKFLOW, true, mode, percent, ++version));
      return this;
    }

    Builder enforce(long at, int percent) {
      return write(at, ValidationMode.ENFORCE, percent);
    }

    /** The workflow's rollback at {@code at}: its own warn 0 % write and the ROLLED_BACK entry. */
    Builder rollBack(long at, String reason) {
      write(at, ValidationMode.WARN, 0);
      return transition(at, Phase.ROLLED_BACK, ValidationMode.WARN, 0, reason);
    }

    /** The trace ends with the execution still open, rolled back: cut off, not finished. */
    Builder stillOpenRolledBack() {
      closeStatus = "RUNNING";
      finalPhase = Phase.ROLLED_BACK;
      return this;
    }

    Builder webhookWarn(long at) {
      writes.add(new ModeWrite(at, "ops-webhook", false, ValidationMode.WARN, 0, ++version));
      return this;
    }

    Builder send(long at, String kind, boolean accepted) {
      sent.add(new Sent(at, kind, accepted, accepted ? "ok" : "refused"));
      return this;
    }

    Builder data(long at, String step, String runId, boolean succeeded) {
      data.add(new DataCall(at, step, runId, succeeded));
      return this;
    }

    Builder fault(String kind, long from, long until) {
      faults.add(new FaultWindow(kind, from, until));
      return this;
    }

    Builder metrics(MetricTruth truth) {
      metrics = truth;
      return this;
    }

    /** Drops every transition and write after {@code at}: the trace ends there. */
    Builder cutAfter(long at) {
      transitions.removeIf(t -> t.atMillis() > at);
      writes.removeIf(w -> w.atMillis() > at);
      return this;
    }

    TraceLog build() {
      transitions.sort(Comparator.comparingLong(Transition::atMillis));
      writes.sort(Comparator.comparingLong(ModeWrite::atMillis));
      sent.sort(Comparator.comparingLong(Sent::atMillis));
      return new TraceLog(
          PLAN,
          START,
          metrics,
          List.copyOf(transitions),
          List.copyOf(writes),
          List.copyOf(sent),
          List.copyOf(faults),
          List.copyOf(data),
          closeStatus,
          finalPhase,
          maxEventsPerRun,
          carriedStateBytes);
    }
  }
}
