package dev.greenlight.starter.gates;

import dev.greenlight.metrics.MetricReadException;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every query of a plan read once, at one instant: the check a release manager runs before {@code
 * start} to see that each query parses and returns data. Reads the way the workflow's instant reads
 * do ({@code GateActivitiesImpl.readInstant}): no data is NaN, a failed read is its message.
 */
public final class PlanGateCheck {
  private final MetricSource source;

  public PlanGateCheck(MetricSource source) {
    this.source = source;
  }

  /** The readings of every gate and recorded query in {@code plan}, in the order the plan runs. */
  public List<GateReading> read(RolloutPlan plan, Instant at) {
    List<GateReading> readings = new ArrayList<>();
    readings.add(read("off", plan.off().requestsPerEndpoint(), at));
    readings.add(read("off", "unknown-baseline", plan.off().unknownBaselineQuery(), null, at));
    readings.add(read("warn", plan.warn().unknownRate(), at));
    readings.add(read("warn", plan.warn().enforceBlock(), at));
    for (GateSpec gate : plan.canary().gates()) {
      // The soak reads the canary's gates too: one reading serves both.
      readings.add(read("canary", gate, at));
    }
    readings.add(read("warnExit", plan.warnExit().unknownRate(), at));
    return readings;
  }

  private GateReading read(String phase, GateSpec gate, Instant at) {
    return read(phase, gate.name(), gate.query(), gate, at);
  }

  private GateReading read(String phase, String name, String query, GateSpec gate, Instant at) {
    try {
      return new GateReading(phase, name, query, gate, source.instant(query, at), null);
    } catch (MetricReadException e) {
      return new GateReading(phase, name, query, gate, Double.NaN, e.getMessage());
    }
  }
}
