package dev.greenlight.ops;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeStoreUnavailableException;
import dev.greenlight.validator.StaleModeVersionException;
import dev.greenlight.validator.ValidationMode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook does for one firing auto-downgrade alert: first writes {@code warn} at 0 % to
 * Redis, when and only when the surface is in {@code enforce}; then signals {@code autoDowngrade}
 * to the rollout. Redis comes first so that the downgrade holds even when no worker or Temporal is
 * up (safety invariant 3).
 *
 * <p>{@code warn} is written only over {@code enforce}: over {@code off} it would be an upgrade,
 * and over {@code warn} it would change nothing but the version. Thread-safe.
 */
final class AlertResponder {
  static final String CHANGED_BY = "ops-webhook";
  private static final int WRITE_ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(AlertResponder.class);

  /** A collaborator the webhook needs could not be reached: answer 503 so Alertmanager retries. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What was done for one alert. */
  record Outcome(String alertName, String workflowId, boolean modeWritten, boolean signalled) {}

  private final ModeStore modes;
  private final WorkflowClient workflows;
  private final WebhookConfig config;
  private final WebhookMetrics metrics;

  AlertResponder(
      ModeStore modes, WorkflowClient workflows, WebhookConfig config, WebhookMetrics metrics) {
    this.modes = modes;
    this.workflows = workflows;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * Downgrades and signals for {@code alert}.
   *
   * @throws UnavailableException when Redis or Temporal cannot be reached
   */
  Outcome respond(AlertmanagerPayload.Alert alert) {
    String alertName = Optional.ofNullable(alert.label("alertname")).orElse("unnamed-alert");
    boolean written = downgrade(alertName, alert.fingerprint());
    String workflowId =
        Optional.ofNullable(alert.label("rollout"))
            .filter(id -> !id.isBlank())
            .orElse(config.defaultWorkflowId());
    boolean signalled =
        signal(
            workflowId,
            new AlertSignal(
                alertName,
                alert.fingerprint(),
                alert.annotations().get("summary"),
                alert.startsAt(),
                written));
    return new Outcome(alertName, workflowId, written, signalled);
  }

  private boolean downgrade(String alertName, String fingerprint) {
    String reason = "alert " + alertName + " (fingerprint " + fingerprint + ") asked to downgrade";
    try {
      for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        Optional<ModeRecord> current = modes.read(config.surface());
        if (current.isEmpty() || current.get().mode() != ValidationMode.ENFORCE) {
          String mode = current.map(r -> r.mode().wireName()).orElse("unset");
          log.info(
              "event=downgrade-skipped surface={} mode={} alertname={}",
              config.surface(),
              mode,
              alertName);
          metrics.downgrade("not_enforcing");
          return false;
        }
        try {
          ModeRecord written =
              modes.compareAndSet(
                  config.surface(),
                  current.get().version(),
                  new ModeChange(ValidationMode.WARN, 0, CHANGED_BY, reason));
          log.info(
              "event=downgrade-written surface={} version={} alertname={} fingerprint={}",
              config.surface(),
              written.version(),
              alertName,
              fingerprint);
          metrics.downgrade("written");
          return true;
        } catch (StaleModeVersionException e) {
          // Someone else wrote in between: read again; they may have downgraded already.
        }
      }
    } catch (ModeStoreUnavailableException e) {
      metrics.downgrade("redis_unavailable");
      throw new UnavailableException("Redis unavailable: " + e.getMessage(), e);
    }
    metrics.downgrade("contended");
    throw new UnavailableException(
        "mode of "
            + config.surface()
            + " changed under the webhook "
            + WRITE_ATTEMPTS
            + " times in a row; retry",
        null);
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
