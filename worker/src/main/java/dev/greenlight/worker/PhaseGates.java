package dev.greenlight.worker;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's gates a phase reads, by name: where a gate's threshold comes from for the dashboard.
 * The same name can stand for different gates in different phases (WARN's unknown-rate reads WARN
 * traffic only, the canary's all of it, and a plan may give them different thresholds), so the
 * phase decides.
 */
final class PhaseGates {
  private PhaseGates() {}

  /** {@code phase}'s gates in {@code plan}; empty for phases that read none, or without a plan. */
  static Map<String, GateSpec> of(RolloutPlan plan, Phase phase) {
    List<GateSpec> gates = new ArrayList<>();
    if (plan != null) {
      switch (phase) {
        case OFF -> add(gates, plan.off() == null ? null : plan.off().requestsPerEndpoint());
        case WARN -> {
          if (plan.warn() != null) {
            add(gates, plan.warn().unknownRate());
            add(gates, plan.warn().enforceBlock());
          }
        }
        case CANARY, SOAK -> {
          if (plan.canary() != null) {
            plan.canary().gates().forEach(g -> add(gates, g));
          }
        }
        case WARN_EXIT ->
            add(gates, plan.warnExit() == null ? null : plan.warnExit().unknownRate());
        default -> {}
      }
    }
    Map<String, GateSpec> byName = new LinkedHashMap<>();
    gates.forEach(g -> byName.putIfAbsent(g.name(), g));
    return byName;
  }

  private static void add(List<GateSpec> gates, GateSpec gate) {
    if (gate != null) {
      gates.add(gate);
    }
  }
}
