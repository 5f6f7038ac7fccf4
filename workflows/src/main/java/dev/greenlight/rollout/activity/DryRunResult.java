package dev.greenlight.rollout.activity;

import java.util.Map;

/**
 * What apply would do.
 *
 * @param mappings counts per "old → new", the most frequent 50
 * @param unmappable counts per unmappable value, the most frequent 50
 */
public record DryRunResult(
    long rowsScanned,
    long rowsToChange,
    long rowsUnmappable,
    Map<String, Long> mappings,
    Map<String, Long> unmappable) {}
