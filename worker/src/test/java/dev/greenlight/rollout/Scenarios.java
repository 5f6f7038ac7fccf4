package dev.greenlight.rollout;

import dev.greenlight.metrics.ScriptedMetricSource;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;

/** Metric scripts for the v3.4 plan's gates: a healthy baseline each test then bends. */
final class Scenarios {
  private Scenarios() {}

  static ScriptedMetricSource.Builder healthy(RolloutPlan plan, Instant start) {
    ScriptedMetricSource.Builder b = ScriptedMetricSource.startingAt(start);
    b.value(plan.off().requestsPerEndpoint().query(), Duration.ZERO, 25_000);
    b.value(plan.off().unknownBaselineQuery(), Duration.ZERO, 0.02);
    b.value(plan.warn().unknownRate().query(), Duration.ZERO, 0.002);
    b.value(plan.warn().enforceBlock().query(), Duration.ZERO, 0.002);
    for (GateSpec gate : plan.canary().gates()) {
      b.value(gate.query(), Duration.ZERO, gate.threshold() / 4);
    }
    b.value(plan.warnExit().unknownRate().query(), Duration.ZERO, 0.001);
    return b;
  }

  static GateSpec gate(RolloutPlan plan, String name) {
    return plan.canary().gates().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no canary gate named " + name));
  }
}
