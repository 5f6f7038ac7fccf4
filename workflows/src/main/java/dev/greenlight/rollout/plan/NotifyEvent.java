package dev.greenlight.rollout.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a rollout tells its notification sinks about. Each value has a kebab-case wire name, the one
 * a plan's {@code events:} list and a payload's {@code type} use.
 */
public enum NotifyEvent {
  /** The rollout started (not sent unless a sink lists it). */
  @JsonProperty("started")
  STARTED,
  /** The rollout waits for a person to approve a step. */
  @JsonProperty("approval-pending")
  APPROVAL_PENDING,
  /** A canary step was promoted: to the next step, or from the last step to the 100 % soak. */
  @JsonProperty("promoted")
  PROMOTED,
  /** The rollout paused, by hand or by itself (failed reads, a failure for good), and why. */
  @JsonProperty("paused")
  PAUSED,
  /** A pause was lifted, by hand or because reads succeed again. */
  @JsonProperty("resumed")
  RESUMED,
  /** ENFORCE went back to warn after a breach, an alert or a foreign downgrade, and why. */
  @JsonProperty("rolled-back")
  ROLLED_BACK,
  /** A failure the rollout retries by itself: a downgrade to warn, an unreadable WARN-exit day. */
  @JsonProperty("retrying")
  RETRYING,
  /** The rollout ended COMPLETED. */
  @JsonProperty("completed")
  COMPLETED,
  /** The rollout ended NEEDS_ATTENTION: no good WARN exit by the cap. */
  @JsonProperty("needs-attention")
  NEEDS_ATTENTION,
  /** The rollout ended ABORTED. */
  @JsonProperty("aborted")
  ABORTED,
  /** The rollout ended STOPPED before any ENFORCE: pre-flight or its backup failed. */
  @JsonProperty("stopped")
  STOPPED;

  /** What a sink without its own {@code events:} list is sent: everything but {@code started}. */
  public static final Set<NotifyEvent> DEFAULTS = EnumSet.complementOf(EnumSet.of(STARTED));

  /** The kebab-case name used in plans and payloads, e.g. {@code approval-pending}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
