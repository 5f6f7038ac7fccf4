package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.ConsumerAuditRequest;
import dev.greenlight.rollout.activity.ConsumerAuditResult;
import dev.greenlight.rollout.activity.PreflightActivities;
import dev.greenlight.rollout.activity.RedisProbeRequest;
import dev.greenlight.rollout.activity.RedisProbeResult;
import java.util.List;

/** Pre-flight answers a test sets, to steer the workflow down a branch. */
final class SteerablePreflight implements PreflightActivities {
  volatile List<String> externalConsumers = List.of();
  volatile long redisP99Micros = 800;
  volatile boolean fallbackVerified = true;
  volatile long companies = 10_000;

  @Override
  public ConsumerAuditResult auditConsumers(ConsumerAuditRequest request) {
    return new ConsumerAuditResult(5_000, 3, externalConsumers, externalConsumers.size());
  }

  @Override
  public RedisProbeResult probeRedis(RedisProbeRequest request) {
    return new RedisProbeResult(redisP99Micros, fallbackVerified, "steered by the test");
  }

  @Override
  public long countCompanies() {
    return companies;
  }
}
