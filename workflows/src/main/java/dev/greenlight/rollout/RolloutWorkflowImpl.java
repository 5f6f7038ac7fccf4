package dev.greenlight.rollout;

import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.workflow.Workflow;

/**
 * The runbook as a state machine: each turn of the loop does one step of the current phase, then
 * checks for commands, alerts and history length. Because every step reads and writes only {@link
 * RolloutState}, a continued-as-new run or a new worker resumes exactly where the last one was.
 */
public final class RolloutWorkflowImpl implements RolloutWorkflow {
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
    String runId = Workflow.getInfo().getWorkflowId();
    context = new RolloutContext(plan, state, new ActivityStubs(), runId);
    if (firstRun) {
      state.startedAtMillis = Workflow.currentTimeMillis();
      context.enter(
          Phase.PREFLIGHT, "started by " + input.startedBy() + " with plan " + plan.name());
    } else {
      context.refreshDetails();
    }
    while (!state.phase.isTerminal()) {
      context.awaitUnpaused();
      if (state.abortRequested) {
        abortNow();
        break;
      }
      if (state.pendingAlert != null) {
        handleAlert();
        continue;
      }
      if (historyIsLong()) {
        continueAsNew(input);
      }
      step();
    }
    trackHistoryLength();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new RolloutResult(
        state.phase, state.outcomeReason, state.transitions, state.runs, state.maxEventsPerRun);
  }

  private void step() {
    switch (state.phase) {
      case PREFLIGHT -> PreflightPhase.run(context);
      case OFF -> OffPhase.tick(context);
      case WARN -> WarnPhase.tick(context);
      case NORMALIZE -> NormalizePhase.tick(context);
      case CANARY, SOAK -> CanaryPhase.tick(context);
      case ROLLED_BACK -> RolledBackPhase.tick(context);
      case WARN_EXIT -> WarnExitPhase.tick(context);
      default -> throw new IllegalStateException("no step for phase " + state.phase);
    }
    trackHistoryLength();
  }

  /** An alert downgrades only what is enforcing; before the canary it is recorded and kept. */
  private void handleAlert() {
    AlertSignal alert = state.pendingAlert;
    state.pendingAlert = null;
    String reason =
        "alert " + alert.alertName() + (alert.summary() == null ? "" : ": " + alert.summary());
    if (state.mode == ValidationMode.ENFORCE) {
      context.rollback(reason);
    } else {
      context.record(
          reason
              + " (mode is "
              + (state.mode == null ? "unset" : state.mode.wireName())
              + "; nothing to downgrade)");
    }
  }

  private void abortNow() {
    if (state.mode == ValidationMode.ENFORCE) {
      context.flip(ValidationMode.WARN, 0, "abort: " + state.abortReason);
    }
    state.outcomeReason = "aborted: " + state.abortReason;
    context.enter(Phase.ABORTED, state.outcomeReason);
  }

  private boolean historyIsLong() {
    return Workflow.getInfo().getHistoryLength() >= plan.historyEventLimit()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private void continueAsNew(RolloutInput input) {
    // Commands still in flight would be lost with this run; let them finish first.
    Workflow.await(Workflow::isEveryHandlerFinished);
    trackHistoryLength();
    context.record("continuing as new after " + Workflow.getInfo().getHistoryLength() + " events");
    Workflow.continueAsNew(new RolloutInput(plan, input.startedBy(), state));
  }

  private void trackHistoryLength() {
    state.maxEventsPerRun = Math.max(state.maxEventsPerRun, Workflow.getInfo().getHistoryLength());
  }

  // ---- query, updates and signal -------------------------------------------------------------

  @Override
  public RolloutStatus status() {
    return StatusView.of(
        plan, state, Workflow.currentTimeMillis(), Workflow.getInfo().getHistoryLength());
  }

  @Override
  public void validateApprove(ApproveCommand command) {
    CommandRules.approve(state, command);
  }

  @Override
  public CommandResult approve(ApproveCommand command) {
    state.pendingApprovals.remove(command.step());
    return accepted("approved " + command.step(), command.who(), command.why());
  }

  @Override
  public void validatePause(OperatorCommand command) {
    CommandRules.pause(state, command);
  }

  @Override
  public CommandResult pause(OperatorCommand command) {
    state.paused = true;
    state.pauseReason = "paused by " + command.who() + ": " + command.why();
    return accepted("paused", command.who(), command.why());
  }

  @Override
  public void validateResume(OperatorCommand command) {
    CommandRules.resume(state, command);
  }

  @Override
  public CommandResult resume(OperatorCommand command) {
    state.paused = false;
    state.pauseReason = null;
    state.consecutiveGateErrors = 0;
    return accepted("resumed", command.who(), command.why());
  }

  @Override
  public void validateAbort(OperatorCommand command) {
    CommandRules.abort(state, command);
  }

  @Override
  public CommandResult abort(OperatorCommand command) {
    state.abortRequested = true;
    state.abortReason = command.who() + ": " + command.why();
    return accepted("abort requested", command.who(), command.why());
  }

  @Override
  public void validatePromote(PromoteCommand command) {
    CommandRules.promote(plan, state, Workflow.currentTimeMillis(), command);
  }

  @Override
  public CommandResult promote(PromoteCommand command) {
    state.promoteRequested = command;
    return accepted(
        command.force() ? "forced promotion requested" : "promotion requested",
        command.who(),
        command.why());
  }

  @Override
  public void validateExtendWarn(ExtendWarnCommand command) {
    CommandRules.extendWarn(state, command);
  }

  @Override
  public CommandResult extendWarn(ExtendWarnCommand command) {
    long base = Math.max(state.warnExtendedUntilMillis, Workflow.currentTimeMillis());
    state.warnExtendedUntilMillis = base + java.time.Duration.ofDays(command.days()).toMillis();
    return accepted(
        "WARN extended by "
            + command.days()
            + " days, until "
            + RolloutContext.formatTime(state.warnExtendedUntilMillis),
        command.who(),
        command.why());
  }

  @Override
  public void validateRetryCanary(OperatorCommand command) {
    CommandRules.retryCanary(state, Workflow.currentTimeMillis(), command);
  }

  @Override
  public CommandResult retryCanary(OperatorCommand command) {
    state.retryRequested = true;
    return accepted("canary retry requested", command.who(), command.why());
  }

  @Override
  public void autoDowngrade(AlertSignal alert) {
    state.alerts.add(
        RolloutContext.formatTime(Workflow.currentTimeMillis())
            + " "
            + alert.alertName()
            + " "
            + alert.fingerprint());
    if (!state.phase.isTerminal()) {
      state.pendingAlert = alert;
    }
  }

  private CommandResult accepted(String outcome, String who, String why) {
    String line =
        RolloutContext.formatTime(Workflow.currentTimeMillis())
            + " "
            + outcome
            + " by "
            + who
            + ": "
            + why;
    state.commands.add(line);
    if (context != null) {
      context.refreshDetails();
    }
    return new CommandResult(state.phase, outcome);
  }
}
