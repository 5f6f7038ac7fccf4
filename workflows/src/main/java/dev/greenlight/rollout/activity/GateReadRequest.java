package dev.greenlight.rollout.activity;

import dev.greenlight.rollout.plan.GateSpec;
import java.util.List;

/** Read {@code gates} over {@code [fromMillis, toMillis]} (workflow time). */
public record GateReadRequest(List<GateSpec> gates, long fromMillis, long toMillis) {}
