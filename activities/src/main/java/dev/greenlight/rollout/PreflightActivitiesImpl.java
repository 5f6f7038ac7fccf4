package dev.greenlight.rollout;

import dev.greenlight.preflight.ConsumerAudit;
import dev.greenlight.preflight.RedisProbe;
import dev.greenlight.rollout.activity.ConsumerAuditRequest;
import dev.greenlight.rollout.activity.ConsumerAuditResult;
import dev.greenlight.rollout.activity.PreflightActivities;
import dev.greenlight.rollout.activity.RedisProbeRequest;
import dev.greenlight.rollout.activity.RedisProbeResult;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Week-0 checks against the real access log, Redis and database. They change nothing. */
public final class PreflightActivitiesImpl implements PreflightActivities {
  private static final int LISTED = 20;

  private final RedisProbe redisProbe;
  private final Jdbi jdbi;

  public PreflightActivitiesImpl(RedisProbe redisProbe, Jdbi jdbi) {
    this.redisProbe = redisProbe;
    this.jdbi = jdbi;
  }

  @Override
  public ConsumerAuditResult auditConsumers(ConsumerAuditRequest request) {
    ConsumerAudit audit = new ConsumerAudit(request.internalCidrs(), request.internalUserAgents());
    try {
      ConsumerAudit.Report report = audit.audit(Path.of(request.accessLog()));
      List<String> top =
          report.external().entrySet().stream()
              .limit(LISTED)
              .map(e -> e.getKey() + " (" + e.getValue() + " requests)")
              .toList();
      return new ConsumerAuditResult(
          report.linesRead(), report.internalConsumers(), top, report.external().size());
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "access log "
              + request.accessLog()
              + " does not exist; set preflight.accessLog in the plan",
          RolloutConstants.FAILURE_PREFLIGHT);
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "access log " + request.accessLog() + " cannot be read: " + e.getMessage(),
          "IOException");
    }
  }

  @Override
  public RedisProbeResult probeRedis(RedisProbeRequest request) {
    try {
      RedisProbe.Result r = redisProbe.probe(request.surface(), request.samples());
      return new RedisProbeResult(r.getP99Micros(), r.fallbackVerified(), r.detail());
    } catch (IOException e) {
      throw ApplicationFailure.newFailure("Redis probe failed: " + e.getMessage(), "IOException");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("Redis probe interrupted", "Interrupted");
    }
  }

  @Override
  public long countCompanies() {
    return jdbi.withHandle(
        h -> {
          boolean exists =
              h.createQuery("SELECT to_regclass('portfolio_companies') IS NOT NULL")
                  .mapTo(Boolean.class)
                  .one();
          return exists
              ? h.createQuery("SELECT count(*) FROM portfolio_companies").mapTo(Long.class).one()
              : 0L;
        });
  }
}
