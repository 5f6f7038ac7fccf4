package dev.greenlight.rollout.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Week-0 checks that read the world but change nothing. */
@ActivityInterface
public interface PreflightActivities {
  @ActivityMethod
  ConsumerAuditResult auditConsumers(ConsumerAuditRequest request);

  @ActivityMethod
  RedisProbeResult probeRedis(RedisProbeRequest request);

  @ActivityMethod
  long countCompanies();
}
