package dev.greenlight.rollout.activity;

/** A restore test that passed: how long it took and what the smoke queries saw. */
public record RestoreTestResult(long durationMillis, long restoredRows, int distinctStages) {}
