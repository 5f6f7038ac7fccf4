package dev.greenlight.rollout.plan;

import java.time.Duration;

/** After a rollback to {@code warn}: how long WARN is extended before the canary may be retried. */
public record RollbackSpec(Duration extendWarn) {}
