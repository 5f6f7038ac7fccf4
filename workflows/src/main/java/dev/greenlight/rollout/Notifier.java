package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.Notification;
import dev.greenlight.rollout.activity.NotificationDelivery;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.rollout.plan.RolloutPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the plan's sinks what the rollout does, without ever making it wait on them: each delivery
 * is an activity started and not awaited, retried within a bounded budget, and its outcome only
 * counted in {@link NotificationLedger}. The rollout waits for deliveries in flight only where it
 * would otherwise drop them — when its execution ends — and puts off a continue-as-new until they
 * settle rather than waiting for them.
 *
 * <p>A plan without sinks makes no activity calls and records no version marker: its history is
 * exactly what it was before notifications existed. Workflow-thread only.
 */
final class Notifier {
  /** The change id that introduced notifications. */
  static final String NOTIFICATIONS = "notifications";

  /** A summary longer than this is cut: it lives in the history once per sink. */
  static final int MAX_SUMMARY = 1_500;

  private final RolloutPlan plan;
  private final RolloutState state;
  private final ActivityStubs activities;
  private final String workflowId;
  private final boolean enabled;
  private final List<Promise<Void>> inFlight = new ArrayList<>();

  /**
   * The notifier of this run. Asks for the version only when the plan has sinks, so a plan without
   * any leaves its history untouched.
   */
  Notifier(RolloutPlan plan, RolloutState state, ActivityStubs activities, String workflowId) {
    this.plan = plan;
    this.state = state;
    this.activities = activities;
    this.workflowId = workflowId;
    this.enabled =
        plan.notifies()
            && Workflow.getVersion(NOTIFICATIONS, Workflow.DEFAULT_VERSION, 1)
                != Workflow.DEFAULT_VERSION;
  }

  /** What entering {@code phase} tells the sinks. */
  static NotifyEvent onEnter(Phase phase) {
    return switch (phase) {
      case PREFLIGHT -> NotifyEvent.STARTED;
      case OFF, WARN, NORMALIZE, CANARY, SOAK, WARN_EXIT -> NotifyEvent.PROMOTED;
      case ROLLED_BACK -> NotifyEvent.ROLLED_BACK;
      case COMPLETED -> NotifyEvent.COMPLETED;
      case NEEDS_ATTENTION -> NotifyEvent.NEEDS_ATTENTION;
      case ABORTED -> NotifyEvent.ABORTED;
      case STOPPED -> NotifyEvent.STOPPED;
    };
  }

  /**
   * Starts a delivery of {@code event} to every sink that is sent it, and returns at once. The
   * notification's id is {@code <attempt id>.<sequence>.<event>}: fixed here, in the workflow, so
   * every retry of a delivery carries the same one.
   */
  void send(NotifyEvent event, String summary) {
    if (!enabled || plan.notifications().sinks().stream().noneMatch(s -> s.sends(event))) {
      return;
    }
    long sequence = state.history.notifications.next();
    Notification notification =
        new Notification(
            state.attemptId + "." + sequence + "." + event.wireName(),
            event,
            sequence,
            Workflow.currentTimeMillis(),
            workflowId,
            state.attemptId,
            plan.name(),
            plan.surface(),
            state.phase,
            state.mode,
            state.percent,
            summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY) + "…");
    inFlight.removeIf(Promise::isCompleted);
    for (NotifySink sink : plan.notifications().sinks()) {
      if (sink.sends(event)) {
        deliver(sink, notification);
      }
    }
  }

  private void deliver(NotifySink sink, Notification notification) {
    state.history.notifications.scheduled();
    Promise<Void> delivery =
        Async.procedure(
            activities.notify("notify " + sink.name() + ": " + notification.event().wireName())
                ::deliver,
            new NotificationDelivery(sink, notification));
    inFlight.add(
        delivery.handle(
            (ok, failure) -> {
              if (failure == null) {
                state.history.notifications.delivered();
              } else {
                state.history.notifications.failed(
                    sink.name() + " " + notification.id() + ": " + describe(failure));
              }
              return null;
            }));
  }

  /** Whether every delivery started so far has been delivered or has failed for good. */
  boolean settled() {
    return inFlight.stream().allMatch(Promise::isCompleted);
  }

  /**
   * Waits until every delivery in flight settles: at most the deliveries' five-minute budget. Only
   * for the end of the execution, where waiting holds up nothing.
   */
  void awaitSettled() {
    Workflow.await(this::settled);
  }

  private static String describe(RuntimeException failure) {
    return failure instanceof ActivityFailure activity
        ? Failures.describe(activity)
        : String.valueOf(failure.getMessage());
  }
}
