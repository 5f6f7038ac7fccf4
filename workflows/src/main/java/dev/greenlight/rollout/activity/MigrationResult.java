package dev.greenlight.rollout.activity;

/** What apply did, over every attempt of the run. */
public record MigrationResult(
    long rowsScanned, long rowsUpdated, long rowsUnmappable, long lastId) {}
