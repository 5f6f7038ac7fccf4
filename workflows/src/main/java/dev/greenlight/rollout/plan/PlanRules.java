package dev.greenlight.rollout.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rules a parsed plan must keep; each violation names the field path and the rule. */
final class PlanRules {
  record Violation(String path, String rule) {}

  private final List<Violation> violations = new ArrayList<>();

  private PlanRules() {}

  static List<Violation> check(RolloutPlan plan) {
    PlanRules rules = new PlanRules();
    rules.plan(plan);
    return rules.violations;
  }

  private void plan(RolloutPlan p) {
    text("name", p.name());
    text("surface", p.surface());
    if (required("endpoints", p.endpoints()) && p.endpoints().isEmpty()) {
      fail("endpoints", "must list at least one endpoint");
    }
    positive("pollInterval", p.pollInterval());
    atLeast("maxConsecutiveGateErrors", p.maxConsecutiveGateErrors(), 1);
    if (p.historyEventLimit() < 500 || p.historyEventLimit() > 10_000) {
      fail("historyEventLimit", "must be between 500 and 10000 but was " + p.historyEventLimit());
    }
    if (required("preflight", p.preflight())) {
      preflight(p.preflight());
    }
    if (required("off", p.off())) {
      positive("off.minDuration", p.off().minDuration());
      gate("off.requestsPerEndpoint", p.off().requestsPerEndpoint());
      text("off.unknownBaselineQuery", p.off().unknownBaselineQuery());
    }
    if (required("warn", p.warn())) {
      positive("warn.minDuration", p.warn().minDuration());
      positive("warn.window", p.warn().window());
      gate("warn.unknownRate", p.warn().unknownRate());
      if (gate("warn.enforceBlock", p.warn().enforceBlock())
          && !p.warn().enforceBlock().hasBreachRule()) {
        fail("warn.enforceBlock", "needs breachThreshold and breachFor");
      }
    }
    if (required("normalize", p.normalize())) {
      atLeast("normalize.batchSize", p.normalize().batchSize(), NormalizeSpec.MIN_BATCH_SIZE);
      positive("normalize.targetBatchDuration", p.normalize().targetBatchDuration());
      atLeast("normalize.maxRowsPerSecond", p.normalize().maxRowsPerSecond(), 0);
      positive("normalize.restoreTimeLimit", p.normalize().restoreTimeLimit());
    }
    if (required("canary", p.canary())) {
      canary(p.canary());
    }
    if (required("soak", p.soak())) {
      positive("soak.duration", p.soak().duration());
    }
    if (required("warnExit", p.warnExit())) {
      gate("warnExit.unknownRate", p.warnExit().unknownRate());
      atLeast("warnExit.requiredGoodDays", p.warnExit().requiredGoodDays(), 1);
      boolean periodOk = positive("warnExit.period", p.warnExit().period());
      if (positive("warnExit.cap", p.warnExit().cap())
          && periodOk
          && p.warnExit()
                  .cap()
                  .compareTo(p.warnExit().period().multipliedBy(p.warnExit().requiredGoodDays()))
              < 0) {
        fail(
            "warnExit.cap",
            "must be at least requiredGoodDays periods long ("
                + p.warnExit().requiredGoodDays()
                + " x "
                + HumanDurations.format(p.warnExit().period())
                + ") but was "
                + HumanDurations.format(p.warnExit().cap()));
      }
    }
    if (required("rollback", p.rollback())) {
      positive("rollback.extendWarn", p.rollback().extendWarn());
    }
    if (p.notifications() != null) {
      NotifyRules.check(p.notifications(), this::fail);
    }
  }

  private void preflight(PreflightSpec p) {
    required("preflight.internalCidrs", p.internalCidrs());
    required("preflight.internalUserAgents", p.internalUserAgents());
    if (p.internalCidrs() != null) {
      for (int i = 0; i < p.internalCidrs().size(); i++) {
        String cidr = p.internalCidrs().get(i);
        if (cidr == null || !cidr.matches("^[0-9a-fA-F:.]+/\\d{1,3}$")) {
          fail(
              "preflight.internalCidrs[" + i + "]",
              "must be a CIDR like 10.0.0.0/8 but was " + cidr);
        }
      }
    }
    atLeast("preflight.redisProbeSamples", p.redisProbeSamples(), 10);
    positive("preflight.redisMaxP99", p.redisMaxP99());
    positive("preflight.restoreTimeLimit", p.restoreTimeLimit());
    atLeast("preflight.minSeededRows", p.minSeededRows(), 0);
  }

  private void canary(CanarySpec c) {
    positive("canary.window", c.window());
    if (required("canary.steps", c.steps()) && c.steps().isEmpty()) {
      fail("canary.steps", "must have at least one step");
    }
    int previous = 0;
    for (int i = 0; c.steps() != null && i < c.steps().size(); i++) {
      CanaryStep step = c.steps().get(i);
      String path = "canary.steps[" + i + "]";
      if (step.percent() < 1 || step.percent() > 99) {
        fail(
            path + ".percent",
            "must be between 1 and 99 (100 % is the soak) but was " + step.percent());
      } else if (step.percent() <= previous) {
        fail(
            path + ".percent",
            "must be above the previous step's " + previous + " but was " + step.percent());
      }
      previous = step.percent();
      positive(path + ".minDuration", step.minDuration());
    }
    if (required("canary.gates", c.gates()) && c.gates().isEmpty()) {
      fail("canary.gates", "must have at least one gate: promotion without data is not allowed");
    }
    for (int i = 0; c.gates() != null && i < c.gates().size(); i++) {
      gate("canary.gates[" + i + "]", c.gates().get(i));
    }
    if (c.maxRegressionRatio() != 0 && c.maxRegressionRatio() < 1) {
      fail(
          "canary.maxRegressionRatio",
          "must be 0 (off) or at least 1 but was " + c.maxRegressionRatio());
    }
  }

  private boolean gate(String path, GateSpec g) {
    if (!required(path, g)) {
      return false;
    }
    text(path + ".name", g.name());
    text(path + ".query", g.query());
    required(path + ".comparison", g.comparison());
    positive(path + ".step", g.step());
    if (!Double.isFinite(g.threshold())) {
      fail(path + ".threshold", "must be a finite number but was " + g.threshold());
    }
    if ((g.breachThreshold() == null) != (g.breachFor() == null)) {
      fail(path, "breachThreshold and breachFor go together");
    } else if (g.breachFor() != null) {
      positive(path + ".breachFor", g.breachFor());
    }
    return true;
  }

  private boolean required(String path, Object value) {
    if (value == null) {
      fail(path, "is required");
      return false;
    }
    return true;
  }

  private void text(String path, String value) {
    if (required(path, value) && value.isBlank()) {
      fail(path, "must not be blank");
    }
  }

  private boolean positive(String path, Duration d) {
    if (!required(path, d)) {
      return false;
    }
    if (d.isNegative() || d.isZero()) {
      fail(path, "must be a positive duration but was " + d);
      return false;
    }
    return true;
  }

  private void atLeast(String path, long value, long min) {
    if (value < min) {
      fail(path, "must be at least " + min + " but was " + value);
    }
  }

  private void fail(String path, String rule) {
    violations.add(new Violation(path, rule));
  }
}
