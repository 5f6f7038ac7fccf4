package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.ConsumerAuditRequest;
import dev.greenlight.rollout.activity.ConsumerAuditResult;
import dev.greenlight.rollout.activity.RedisProbeRequest;
import dev.greenlight.rollout.activity.RedisProbeResult;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.PreflightSpec;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;

/**
 * Week-0 pre-flight, the same in today's loop and the legacy one (hence {@link PhaseContext}). Any
 * failed check stops the rollout here with a report and no mode change; external consumers do not
 * stop it but hold it in WARN until someone approves {@code external-consumers}. The flip to {@code
 * off} at the end is the first mode change: if it fails for good today's loop pauses the rollout,
 * and resuming runs the pre-flight again.
 */
public final class PreflightPhase {
  private PreflightPhase() {}

  public static void run(PhaseContext c) {
    PreflightSpec spec = c.plan.preflight();
    try {
      ConsumerAuditResult audit =
          c.activities.preflight.auditConsumers(
              new ConsumerAuditRequest(
                  spec.accessLog(), spec.internalCidrs(), spec.internalUserAgents()));
      if (audit.externalCount() > 0) {
        c.state.steering.pendingApprovals.add(RolloutConstants.APPROVE_EXTERNAL_CONSUMERS);
        c.record(
            "consumer audit: "
                + audit.externalCount()
                + " external consumers "
                + audit.externalConsumers()
                + " hold the rollout in WARN until approved",
            NotifyEvent.APPROVAL_PENDING);
      } else {
        c.record(
            "consumer audit clear: "
                + audit.internalConsumers()
                + " internal consumers, none external");
      }

      RedisProbeResult probe =
          c.activities.preflight.probeRedis(
              new RedisProbeRequest(c.plan.surface(), spec.redisProbeSamples()));
      long budgetMicros = spec.redisMaxP99().toNanos() / 1000;
      if (probe.getP99Micros() >= budgetMicros) {
        c.stop(
            "Redis GET p99 "
                + probe.getP99Micros()
                + "µs is over the "
                + budgetMicros
                + "µs budget");
        return;
      }
      if (!probe.fallbackVerified()) {
        c.stop("mode resolver fallback not verified: " + probe.detail());
        return;
      }
      c.record("Redis probe: GET p99 " + probe.getP99Micros() + "µs; " + probe.detail());

      ProvenBackup proven = ProvenBackup.take(c, spec.restoreTimeLimit());
      BackupResult backup = proven.backup();
      c.record(
          "backup "
              + backup.sha256().substring(0, Math.min(12, backup.sha256().length()))
              + backup.formatNote()
              + " verified; restore test "
              + proven.restore().durationMillis()
              + "ms");

      long rows = c.activities.preflight.countCompanies();
      if (rows < spec.minSeededRows()) {
        c.stop(
            "portfolio_companies holds "
                + rows
                + " rows, fewer than the "
                + spec.minSeededRows()
                + " required");
        return;
      }
    } catch (ActivityFailure e) {
      c.stop("pre-flight failed: " + Failures.describe(e));
      return;
    }
    c.flip(ValidationMode.OFF, 0, "pre-flight passed");
    c.enter(Phase.OFF, "collecting traffic with validation off");
  }
}
