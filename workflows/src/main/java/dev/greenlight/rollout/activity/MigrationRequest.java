package dev.greenlight.rollout.activity;

/** Apply the normalization for {@code runId}, resuming from its checkpoint when there is one. */
public record MigrationRequest(
    String runId, int batchSize, long targetBatchMillis, int maxRowsPerSecond) {}
