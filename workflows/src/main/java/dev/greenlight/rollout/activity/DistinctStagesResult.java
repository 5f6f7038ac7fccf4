package dev.greenlight.rollout.activity;

import java.util.Map;

/** Whether every stage left in the table is canonical, and the offending values if not. */
public record DistinctStagesResult(boolean allCanonical, Map<String, Long> offending) {}
