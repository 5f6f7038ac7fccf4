package dev.greenlight.ops;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.validator.ModeDowngrade;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeStoreUnavailableException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook does for one firing auto-downgrade alert: first downgrades the surface to {@code
 * warn} at 0 % in Redis ({@link ModeStore#downgradeToWarn}: over {@code enforce} or over an
 * unreadable record, never over {@code off}), then signals {@code autoDowngrade} to the rollout.
 * Redis comes first so that the downgrade holds even when no worker or Temporal is up (safety
 * invariant 3).
 *
 * <p>The signal is sent even when the Redis step failed, with {@code modeAlreadyWritten=false}, so
 * the rollout can downgrade by itself; the alert still counts as failed, so Alertmanager retries
 * it. Thread-safe.
 */
final class AlertResponder {
  static final String CHANGED_BY = "ops-webhook";
  private static final Logger log = LoggerFactory.getLogger(AlertResponder.class);

  /** A step of the downgrade failed: answer 503 so Alertmanager retries the delivery. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What was done for one alert. */
  record Outcome(String alertName, String workflowId, boolean modeWritten, boolean signalled) {}

  private final ModeStore modes;
  private final WorkflowClient workflows;
  private final String surface;
  private final String defaultWorkflowId;
  private final WebhookMetrics metrics;

  /**
   * Downgrades {@code config}'s surface and signals its default rollout when an alert names none.
   */
  AlertResponder(
      ModeStore modes, WorkflowClient workflows, WebhookConfig config, WebhookMetrics metrics) {
    this.modes = modes;
    this.workflows = workflows;
    this.surface = config.surface();
    this.defaultWorkflowId = config.defaultWorkflowId();
    this.metrics = metrics;
  }

  /**
   * Downgrades and signals for {@code alert}; signals even when the downgrade failed.
   *
   * @throws UnavailableException when either step failed, after both were tried
   */
  Outcome respond(AlertmanagerPayload.Alert alert) {
    String alertName = Optional.ofNullable(alert.label("alertname")).orElse("unnamed-alert");
    List<String> problems = new ArrayList<>();
    List<RuntimeException> causes = new ArrayList<>();
    boolean written = false;
    try {
      written = downgrade(alertName, alert.fingerprint());
    } catch (RuntimeException e) {
      // The store's messages name the step and the key: "Redis unavailable for downgrade …".
      problems.add(e.getMessage());
      causes.add(e);
    }
    String workflowId =
        Optional.ofNullable(alert.label("rollout"))
            .filter(id -> !id.isBlank())
            .orElse(defaultWorkflowId);
    boolean signalled = false;
    try {
      signalled =
          signal(
              workflowId,
              new AlertSignal(
                  alertName,
                  alert.fingerprint(),
                  alert.annotations().get("summary"),
                  alert.startsAt(),
                  written));
    } catch (UnavailableException e) {
      problems.add(e.getMessage());
      causes.add(e);
    } catch (RuntimeException e) {
      problems.add("signal to " + workflowId + " failed: " + e);
      causes.add(e);
    }
    if (!causes.isEmpty()) {
      UnavailableException failed =
          new UnavailableException(String.join("; ", problems), causes.get(0));
      causes.stream().skip(1).forEach(failed::addSuppressed);
      throw failed;
    }
    return new Outcome(alertName, workflowId, written, signalled);
  }

  private boolean downgrade(String alertName, String fingerprint) {
    String reason = "alert " + alertName + " (fingerprint " + fingerprint + ") asked to downgrade";
    ModeDowngrade done;
    try {
      done = modes.downgradeToWarn(surface, CHANGED_BY, reason);
    } catch (ModeStoreUnavailableException e) {
      metrics.downgrade("redis_unavailable");
      log.warn(
          "event=downgrade-failed surface={} alertname={} error={}",
          surface,
          alertName,
          e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      metrics.downgrade("failed");
      log.error(
          "event=downgrade-failed surface={} alertname={} error={}",
          surface,
          alertName,
          e.toString(),
          e);
      throw e;
    }
    switch (done.outcome()) {
      case DOWNGRADED -> {
        log.info(
            "event=downgrade-written surface={} version={} alertname={} fingerprint={}",
            surface,
            done.stored().orElseThrow().version(),
            alertName,
            fingerprint);
        metrics.downgrade("written");
      }
      case REPLACED_UNREADABLE -> {
        log.warn(
            "event=downgrade-replaced-unreadable surface={} version={} alertname={} fingerprint={}"
                + " problem=\"{}\"",
            surface,
            done.stored().orElseThrow().version(),
            alertName,
            fingerprint,
            done.replacedProblem().orElse(""));
        metrics.downgrade("replaced_unreadable");
      }
      case NOT_ENFORCING, NO_RECORD -> {
        log.info(
            "event=downgrade-skipped surface={} mode={} alertname={}",
            surface,
            done.stored().map(r -> r.mode().wireName()).orElse("unset"),
            alertName);
        metrics.downgrade("not_enforcing");
      }
    }
    return done.wroteWarn();
  }

  private boolean signal(String workflowId, AlertSignal signal) {
    try {
      workflows.newWorkflowStub(RolloutWorkflow.class, workflowId).autoDowngrade(signal);
      log.info(
          "event=signal-sent workflowId={} alertname={} fingerprint={} modeWritten={}",
          workflowId,
          signal.alertName(),
          signal.fingerprint(),
          signal.modeAlreadyWritten());
      metrics.signal("sent");
      return true;
    } catch (WorkflowNotFoundException e) {
      // No rollout to tell (never started, or finished): the Redis write above still stands.
      log.warn(
          "event=signal-no-workflow workflowId={} alertname={}", workflowId, signal.alertName());
      metrics.signal("no_workflow");
      return false;
    } catch (WorkflowServiceException e) {
      metrics.signal("temporal_unavailable");
      throw new UnavailableException(
          "Temporal unavailable for signal to " + workflowId + ": " + rootMessage(e), e);
    } catch (WorkflowException e) {
      metrics.signal("temporal_unavailable");
      throw new UnavailableException("signal to " + workflowId + " failed: " + rootMessage(e), e);
    } catch (RuntimeException e) {
      metrics.signal("failed");
      throw e;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
