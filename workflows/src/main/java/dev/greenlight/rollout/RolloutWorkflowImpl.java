package dev.greenlight.rollout;

import dev.greenlight.rollout.legacy.LegacyRollout;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * The runbook as a state machine: each turn of the loop does one step of the current phase, then
 * checks for downgrades, commands, alerts and history length. Because every step reads and writes
 * only {@link RolloutState}, a continued-as-new run or a new worker resumes exactly where the last
 * one was.
 *
 * <p>No activity failure ends the execution (safety invariant 9): a pending downgrade is retried
 * with backoff before anything else, and any other failure that reaches the loop pauses the rollout
 * with the reason; resuming runs the failed step again.
 */
public final class RolloutWorkflowImpl implements RolloutWorkflow {
  /**
   * The change id of today's safety semantics (per-gate trailing windows, fresh WARN verdicts,
   * downgrades that hold, watching while paused, calendar WARN exit, per-attempt run ids). Rollouts
   * that started before it replay on the frozen {@link LegacyRollout}.
   */
  static final String SAFETY_SEMANTICS = "safety-semantics";

  /**
   * The newest version a new rollout records. The system property {@code
   * greenlight.workflow.legacy} set to true (read once, when the class loads) makes new rollouts in
   * this process run the frozen legacy loop — how {@code greenlight fuzz --legacy-workflow} checks
   * the oracle against the code from before the safety semantics. Never set in a worker.
   */
  private static final int NEWEST =
      Boolean.getBoolean(RolloutConstants.LEGACY_PROPERTY) ? Workflow.DEFAULT_VERSION : 1;

  private RolloutContext context;
  private RolloutState state = new RolloutState();
  private RolloutPlan plan;

  @Override
  public RolloutResult run(RolloutInput input) {
    plan = input.plan();
    boolean firstRun = input.carriedState() == null;
    if (!firstRun) {
      state = input.carriedState();
      state.runs++;
    }
    int version = Workflow.getVersion(SAFETY_SEMANTICS, Workflow.DEFAULT_VERSION, NEWEST);
    if (version == Workflow.DEFAULT_VERSION) {
      new LegacyRollout(plan, state).run(input, firstRun);
    } else {
      if (state.attemptId == null) {
        // A run carried over from before this version keeps the id its data steps used.
        state.attemptId =
            firstRun
                ? Workflow.getInfo().getFirstExecutionRunId()
                : Workflow.getInfo().getWorkflowId();
      }
      context = new RolloutContext(plan, state, Workflow.getInfo().getWorkflowId());
      context.begin(
          firstRun,
          "started by "
              + input.startedBy()
              + " with plan "
              + plan.name()
              + " (attempt "
              + state.attemptId
              + ")");
      while (!state.phase.isTerminal()) {
        try {
          turn(input);
        } catch (ActivityFailure e) {
          failedForGood(e);
        }
      }
      context.trackHistoryLength();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (context != null) {
      // The last notifications (completed, aborted …) would be dropped with the execution.
      context.notifier.awaitSettled();
    }
    return new RolloutResult(
        state.phase,
        state.outcomeReason,
        state.history.transitions,
        state.runs,
        state.maxEventsPerRun);
  }

  /** One turn of the loop: the first of these that applies. */
  private void turn(RolloutInput input) {
    // Deliveries in flight would be dropped with this run: put the continue-as-new off until they
    // settle (five minutes at most) rather than wait for them, which would hold up alerts.
    if (context.historyIsLong() && context.notifier.settled()) {
      continueAsNew(input);
    }
    if (state.downgrade.pendingDowngrade != null) {
      if (!context.landDowngrade()) {
        Workflow.sleep(context.downgradeBackoff());
      }
      return;
    }
    if (context.actOnAbortOrAlert()) {
      return;
    }
    if (state.steering.paused && !watchesWhilePaused()) {
      Workflow.await(
          () ->
              !state.steering.paused
                  || state.steering.abortRequested
                  || state.steering.pendingAlert != null
                  || state.downgrade.pendingDowngrade != null);
      return;
    }
    step();
  }

  private void step() {
    if (!context.stepSharedPhase()) {
      switch (state.phase) {
        case OFF -> OffPhase.tick(context);
        case WARN -> WarnPhase.tick(context);
        case NORMALIZE -> NormalizePhase.tick(context);
        case CANARY, SOAK -> CanaryPhase.tick(context);
        case WARN_EXIT -> WarnExitPhase.tick(context);
        default -> throw new IllegalStateException("no step for phase " + state.phase);
      }
    }
    context.trackHistoryLength();
  }

  /**
   * Paused holds promotion, not protection (safety invariant 9): a live ENFORCE step keeps reading
   * its gates, and a pause caused by failed reads keeps reading to lift itself. Any other pause
   * waits for a person.
   */
  private boolean watchesWhilePaused() {
    boolean enforcing =
        (state.phase == Phase.CANARY || state.phase == Phase.SOAK)
            && state.canary.stepStarted
            && state.mode == ValidationMode.ENFORCE;
    boolean liftsItself =
        state.steering.pauseCause == RolloutState.PauseCause.METRICS
            && plan.resumesAfterMetricsOutage();
    return enforcing || liftsItself;
  }

  /**
   * An activity failed for good where no phase gave it a meaning of its own: pause with the reason,
   * so a person can fix the cause and resume, which runs the step again. The mode stays as it is:
   * ENFORCE keeps being watched while paused, and its rollback flips are retried until they land.
   */
  private void failedForGood(ActivityFailure e) {
    String where =
        state.phase == Phase.NORMALIZE
            ? "NORMALIZE ("
                + state.data.normalizeStep.name().toLowerCase(java.util.Locale.ROOT)
                + ")"
            : state.phase.name();
    context.pause(
        RolloutState.PauseCause.FAILURE,
        where + " failed for good: " + Failures.describe(e) + "; fix the cause, then resume");
  }

  private void continueAsNew(RolloutInput input) {
    // Commands still in flight would be lost with this run; let them finish first.
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (!context.notifier.settled()) {
      // One of them (a pause, a resume) just started a delivery: continue after it settles.
      return;
    }
    context.continueAsNew(input.startedBy());
  }

  // ---- query, updates and signal -------------------------------------------------------------

  @Override
  public RolloutStatus status() {
    return StatusView.of(
        plan, state, Workflow.currentTimeMillis(), Workflow.getInfo().getHistoryLength());
  }

  @Override
  public void validateApprove(ApproveInput command) {
    CommandRules.approve(state, command);
  }

  @Override
  public CommandResult approve(ApproveInput command) {
    state.steering.pendingApprovals.remove(command.step());
    return accepted("approved " + command.step(), command.who(), command.why());
  }

  @Override
  public void validatePause(OperatorCommand command) {
    CommandRules.pause(state, command);
  }

  @Override
  public CommandResult pause(OperatorCommand command) {
    state.steering.pause(
        RolloutState.PauseCause.MANUAL, "paused by " + command.who() + ": " + command.why());
    notifySinks(NotifyEvent.PAUSED, state.steering.pauseReason);
    return accepted("paused", command.who(), command.why());
  }

  @Override
  public void validateResume(OperatorCommand command) {
    CommandRules.resume(state, command);
  }

  @Override
  public CommandResult resume(OperatorCommand command) {
    if (state.steering.pauseCause == RolloutState.PauseCause.METRICS) {
      // The outage's readings say nothing: every window re-earns from the next read.
      state.gates.gateWindows.clear();
    }
    state.steering.unpause();
    state.gates.consecutiveGateErrors = 0;
    notifySinks(NotifyEvent.RESUMED, "resumed by " + command.who() + ": " + command.why());
    return accepted("resumed", command.who(), command.why());
  }

  @Override
  public void validateAbort(OperatorCommand command) {
    CommandRules.abort(state, command);
  }

  @Override
  public CommandResult abort(OperatorCommand command) {
    state.steering.abortRequested = true;
    state.steering.abortReason = command.who() + ": " + command.why();
    return accepted("abort requested", command.who(), command.why());
  }

  @Override
  public void validatePromote(PromoteInput command) {
    CommandRules.promote(plan, state, Workflow.currentTimeMillis(), command);
  }

  @Override
  public CommandResult promote(PromoteInput command) {
    state.steering.promoteRequested = command;
    return accepted(
        command.force() ? "forced promotion requested" : "promotion requested",
        command.who(),
        command.why());
  }

  @Override
  public void validateExtendWarn(ExtendWarnInput command) {
    CommandRules.extendWarn(state, command);
  }

  @Override
  public CommandResult extendWarn(ExtendWarnInput command) {
    long base = Math.max(state.warnExtendedUntilMillis, Workflow.currentTimeMillis());
    state.warnExtendedUntilMillis = base + java.time.Duration.ofDays(command.days()).toMillis();
    return accepted(
        "WARN extended by "
            + command.days()
            + " days, until "
            + RolloutWording.time(state.warnExtendedUntilMillis),
        command.who(),
        command.why());
  }

  @Override
  public void validateRetryCanary(OperatorCommand command) {
    CommandRules.retryCanary(state, Workflow.currentTimeMillis(), command);
  }

  @Override
  public CommandResult retryCanary(OperatorCommand command) {
    state.steering.retryRequested = true;
    return accepted(
        "canary retry requested; ENFORCE follows a fresh green WARN verdict, status shows why"
            + " while it waits",
        command.who(),
        command.why());
  }

  @Override
  public void autoDowngrade(AlertSignal alert) {
    state.history.alerts.add(
        RolloutWording.time(Workflow.currentTimeMillis())
            + " "
            + alert.alertName()
            + " "
            + alert.fingerprint());
    if (!state.phase.isTerminal()) {
      state.steering.pendingAlert = alert;
    }
  }

  /** Notifies from a handler; the legacy loop, and a handler run before the loop, send nothing. */
  private void notifySinks(NotifyEvent event, String summary) {
    if (context != null) {
      context.notifier.send(event, summary);
    }
  }

  private CommandResult accepted(String outcome, String who, String why) {
    String line =
        RolloutWording.time(Workflow.currentTimeMillis())
            + " "
            + outcome
            + " by "
            + who
            + ": "
            + why;
    state.history.commands.add(line);
    if (plan != null) {
      RolloutVisibility.showDetails(plan, state);
    }
    return new CommandResult(state.phase, outcome);
  }
}
