package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a phase step has — the plan, the state, the activity stubs — and the moves it makes, as both
 * loops make them. Today's {@link RolloutContext} and the frozen legacy one each implement the
 * moves with their own semantics, so a step whose logic both loops share (the pre-flight, day 5's
 * {@link NormalizeSteps}) is written once and still issues, in each loop, the commands that loop's
 * recorded histories hold. The moves both loops make alike (starting a run, acting on an abort or
 * an alert, the steps of the phases that did not change, ending the rollout, continuing as new,
 * waiting for the next poll) live here once. Workflow-thread only.
 */
public abstract class PhaseContext {
  public final RolloutPlan plan;
  public final RolloutState state;

  /** This run's stubs: making them records nothing in the history. */
  public final ActivityStubs activities = new ActivityStubs();

  protected PhaseContext(RolloutPlan plan, RolloutState state) {
    this.plan = plan;
    this.state = state;
  }

  public final long now() {
    return Workflow.currentTimeMillis();
  }

  /** The id data steps are keyed by (in the legacy loop, the workflow id). */
  public abstract String attemptId();

  /** Records a transition in the current phase and mode, and refreshes what the UI shows. */
  public abstract void record(String reason);

  /**
   * Records a transition and tells the plan's sinks about it as {@code event}; the legacy loop,
   * which predates notifications, only records it.
   */
  public abstract void record(String reason, NotifyEvent event);

  /** Moves to {@code phase}, recording why. */
  public abstract void enter(Phase phase, String reason);

  /** Writes {@code warn} or {@code off} through the mode store, then records it. */
  public abstract void flip(ValidationMode mode, int percent, String reason);

  /**
   * Adds {@code step} to the pending approvals and waits until it is approved, or until something
   * else needs the loop.
   *
   * @return whether {@code step} is approved
   */
  public abstract boolean awaitApproval(String step, String why);

  /**
   * Waits {@code duration} on a durable timer, or less when something needs the workflow's
   * attention (each loop says what does).
   *
   * @return true when the wait was cut short
   */
  public abstract boolean sleep(Duration duration, String summary);

  /**
   * Waits on a durable timer of {@code duration} until it fires or {@code cutShort} holds; a timer
   * cut short is cancelled, so it neither fires later nor keeps the run open.
   *
   * @return true when the wait was cut short
   */
  protected static boolean timerUnless(
      Duration duration, String summary, BooleanSupplier cutShort) {
    Promise<Void>[] timer = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () ->
                timer[0] =
                    Workflow.newTimer(
                        duration, TimerOptions.newBuilder().setSummary(summary).build()));
    scope.run();
    Workflow.await(() -> timer[0].isCompleted() || cutShort.getAsBoolean());
    if (!timer[0].isCompleted()) {
      scope.cancel();
      return true;
    }
    return false;
  }

  /**
   * Waits until the next gate read is due: the last read's end plus the plan's poll interval.
   *
   * @return true when the read was not yet due, so the step ends with this wait
   */
  public final boolean waitForNextPoll(String summary) {
    long due = state.gates.lastReadToMillis + plan.pollInterval().toMillis();
    if (now() >= due) {
      return false;
    }
    sleep(Duration.ofMillis(due - now()), summary);
    return true;
  }

  /**
   * Reads {@code gates} over {@code [from, to]}; errors in a row past the plan's limit pause the
   * rollout (each loop says how it reads and when a pause lifts).
   */
  public abstract List<GateSummary> readGates(List<GateSpec> gates, long fromMillis, long toMillis);

  /**
   * Rolls back to warn after a breach or an alert, and holds WARN for the plan's extension (each
   * loop says how the flip is retried).
   */
  public abstract void rollback(String reason);

  /**
   * Acts on the requested abort: ENFORCE goes to warn first (each loop says how that flip is made
   * and what its failure means), then the rollout ends ABORTED.
   */
  public abstract void abort();

  /**
   * Acts on a requested abort or, failing that, a pending alert: what a turn of either loop does
   * before a phase's step.
   *
   * @return whether it acted, which ends the turn
   */
  public final boolean actOnAbortOrAlert() {
    if (state.steering.abortRequested) {
      abort();
      return true;
    }
    if (state.steering.pendingAlert != null) {
      actOnAlert();
      return true;
    }
    return false;
  }

  /**
   * Acts on the pending alert, alike in both loops: an alert downgrades only what is enforcing;
   * before the canary it is recorded and kept.
   */
  public final void actOnAlert() {
    AlertSignal alert = state.steering.pendingAlert;
    state.steering.pendingAlert = null;
    String reason =
        "alert " + alert.alertName() + (alert.summary() == null ? "" : ": " + alert.summary());
    if (state.mode == ValidationMode.ENFORCE) {
      rollback(reason);
    } else {
      record(
          reason
              + " (mode is "
              + (state.mode == null ? "unset" : state.mode.wireName())
              + "; nothing to downgrade)");
    }
  }

  /**
   * Whether this run's history is long enough to continue as new (the plan's limit, or Temporal's).
   */
  public final boolean historyIsLong() {
    return Workflow.getInfo().getHistoryLength() >= plan.historyEventLimit()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /** Records the run's length and continues as new with the state; does not return. */
  public final void continueAsNew(String startedBy) {
    trackHistoryLength();
    record("continuing as new after " + Workflow.getInfo().getHistoryLength() + " events");
    Workflow.continueAsNew(new RolloutInput(plan, startedBy, state));
  }

  /**
   * Starts the run: a rollout's first run enters the pre-flight saying {@code startReason}; a run
   * continued as new shows the state it carries.
   */
  public final void begin(boolean firstRun, String startReason) {
    if (firstRun) {
      state.startedAtMillis = now();
      enter(Phase.PREFLIGHT, startReason);
    } else {
      refreshDetails();
    }
  }

  /**
   * Takes one step of a phase whose step both loops share — the pre-flight, and waiting for a retry
   * after a rollback.
   *
   * @return false when the current phase's step is the loop's own, and nothing was done
   */
  public final boolean stepSharedPhase() {
    switch (state.phase) {
      case PREFLIGHT -> PreflightPhase.run(this);
      case ROLLED_BACK -> RolledBackPhase.tick(this);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Keeps the longest history a run of this rollout has reached, which the result reports. */
  public final void trackHistoryLength() {
    state.maxEventsPerRun = Math.max(state.maxEventsPerRun, Workflow.getInfo().getHistoryLength());
  }

  /** Ends the rollout in the terminal {@code phase}, saying why. */
  public final void end(Phase phase, String reason) {
    state.outcomeReason = reason;
    enter(phase, reason);
  }

  /** Ends the rollout before any irreversible step, saying why. */
  public final void stop(String reason) {
    end(Phase.STOPPED, reason);
  }

  /** Shows the state as the execution's current details. */
  public final void refreshDetails() {
    RolloutVisibility.showDetails(plan, state);
  }
}
