package dev.greenlight.rollout.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * A rollout plan: everything the runbook says as data — durations, thresholds, PromQL queries,
 * canary steps and windows — so the next rollout needs a new plan, not new code.
 *
 * <p>Built by {@link PlanParser}, which validates every field; the workflow receives it as input
 * and never reads files. Immutable.
 *
 * @param name the plan's name, shown in the Temporal UI
 * @param surface the validated surface whose mode record the rollout flips
 * @param endpoints the API endpoints the validator guards
 * @param pollInterval how often gates are read while a phase waits on them
 * @param maxConsecutiveGateErrors gate read errors in a row that pause the rollout
 * @param historyEventLimit continue-as-new once a run's history passes this many events
 * @param resumeAfterMetricsOutage whether a pause caused by failed gate reads lifts by itself once
 *     reads succeed again (default true; null in plans written before the field)
 * @param notifications the {@code notify:} section: where the rollout tells people what it does;
 *     null sends nothing (named so because {@code notify()} is {@link Object}'s)
 */
public record RolloutPlan(
    String name,
    String surface,
    List<String> endpoints,
    Duration pollInterval,
    int maxConsecutiveGateErrors,
    int historyEventLimit,
    PreflightSpec preflight,
    OffSpec off,
    WarnSpec warn,
    NormalizeSpec normalize,
    CanarySpec canary,
    SoakSpec soak,
    WarnExitSpec warnExit,
    RollbackSpec rollback,
    Boolean resumeAfterMetricsOutage,
    @JsonProperty("notify") NotifySpec notifications) {
  public RolloutPlan {
    endpoints = List.copyOf(endpoints);
  }

  /** Whether a pause caused by failed gate reads lifts by itself once reads succeed again. */
  public boolean resumesAfterMetricsOutage() {
    return resumeAfterMetricsOutage == null || resumeAfterMetricsOutage;
  }

  /** Whether the plan sends notifications at all. */
  public boolean notifies() {
    return notifications != null
        && notifications.sinks() != null
        && !notifications.sinks().isEmpty();
  }

  /** This plan with {@code preflight} instead of its own. */
  public RolloutPlan withPreflight(PreflightSpec preflight) {
    return with(surface, preflight, resumeAfterMetricsOutage, notifications);
  }

  /** This plan with {@code notifications} instead of its own; null sends nothing. */
  public RolloutPlan withNotifications(NotifySpec notifications) {
    return with(surface, preflight, resumeAfterMetricsOutage, notifications);
  }

  /** This plan flipping the mode record of {@code surface} instead of its own. */
  public RolloutPlan withSurface(String surface) {
    return with(surface, preflight, resumeAfterMetricsOutage, notifications);
  }

  /** This plan with {@code resumeAfterMetricsOutage} instead of its own; null means true. */
  public RolloutPlan withResumeAfterMetricsOutage(Boolean resumeAfterMetricsOutage) {
    return with(surface, preflight, resumeAfterMetricsOutage, notifications);
  }

  /**
   * This plan with the fields callers swap (tests, rehearsals and fuzz runs point a shipped plan at
   * their own surface, pre-flight inputs and sinks); every other field is this plan's own.
   */
  private RolloutPlan with(
      String surface,
      PreflightSpec preflight,
      Boolean resumeAfterMetricsOutage,
      NotifySpec notifications) {
    return new RolloutPlan(
        name,
        surface,
        endpoints,
        pollInterval,
        maxConsecutiveGateErrors,
        historyEventLimit,
        preflight,
        off,
        warn,
        normalize,
        canary,
        soak,
        warnExit,
        rollback,
        resumeAfterMetricsOutage,
        notifications);
  }
}
