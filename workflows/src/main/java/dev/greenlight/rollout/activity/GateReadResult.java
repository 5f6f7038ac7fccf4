package dev.greenlight.rollout.activity;

import dev.greenlight.rollout.gates.GateSummary;
import java.util.List;

/** One summary per requested gate, in request order. */
public record GateReadResult(List<GateSummary> summaries) {}
