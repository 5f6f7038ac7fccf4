package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import dev.greenlight.starter.rehearse.ScenarioEvent.MetricChange.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random rollouts of a plan, as rehearsal scenarios: what the gates read (around and across their
 * thresholds and breach rules, missing, failing), alerts (also twice), commands valid and not, and
 * faults, at random moments of the plan's whole timeline. The same seed gives the same traces, and
 * a trace is a {@link Scenario}, so a finding is replayed by {@code greenlight rehearse}.
 *
 * <p>The approvals a rollout needs to get anywhere are always there, so most traces reach the
 * canary, where most of the safety rules live. Every event has a fixed time: a trace runs the same
 * wherever it is replayed.
 */
public final class TraceGenerator {
  /** How long a trace may run in simulated time before it is cut off. */
  static final Duration HORIZON = Duration.ofDays(35);

  private static final Duration BUSY = Duration.ofDays(16);
  private static final String[] COMMANDS = {
    "pause", "resume", "abort", "promote", "retry-canary", "extend-warn", "approve"
  };
  private static final String[] FAULTS = {
    "mode-flips-fail",
    "backup-fails",
    "restore-test-fails",
    "dry-run-fails",
    "webhook-writes-warn",
    "unreadable-mode-record"
  };

  private final RolloutPlan plan;
  private final List<GateSpec> gates = new ArrayList<>();

  public TraceGenerator(RolloutPlan plan) {
    this.plan = plan;
    // By gate name, as the oracle reads the truth: `unknown-rate` moves the WARN and the canary
    // query together (and the block rule reads the WARN one), so each name has one truth.
    gates.addAll(plan.canary().gates());
    gates.add(plan.warnExit().unknownRate());
  }

  /** Trace {@code index} of the run seeded with {@code seed}. */
  public Scenario trace(long seed, int index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    List<ScenarioEvent> events = new ArrayList<>(approvals(random));
    int metricChanges = random.nextInt(0, 9);
    for (int i = 0; i < metricChanges; i++) {
      events.addAll(metricEpisode(random));
    }
    int alerts = random.nextInt(0, 3);
    for (int i = 0; i < alerts; i++) {
      Duration at = anyTime(random);
      if (random.nextBoolean()) {
        // The webhook's own path: warn written to Redis first, then the signal.
        events.add(at(at, new ScenarioEvent.Fault("webhook-writes-warn", null)));
      }
      events.add(at(at, new ScenarioEvent.Alert("StageEnforceErrorSpike", "fuzz alert " + i)));
      if (random.nextInt(4) == 0) {
        events.add(
            at(
                at.plusMinutes(random.nextInt(0, 3)),
                new ScenarioEvent.Alert("StageEnforceErrorSpike", "again")));
      }
    }
    int commands = random.nextInt(0, 6);
    for (int i = 0; i < commands; i++) {
      events.add(at(anyTime(random), command(random)));
    }
    int retries = random.nextInt(0, 4);
    for (int i = 0; i < retries; i++) {
      // Accepted only after a rollback, once the WARN extension has passed.
      events.add(
          at(
              Duration.ofMinutes(
                  random.nextLong(Duration.ofDays(12).toMinutes(), HORIZON.toMinutes())),
              command("retry-canary", null, 0, false)));
    }
    int faults = random.nextInt(0, 3);
    for (int i = 0; i < faults; i++) {
      String kind = FAULTS[random.nextInt(FAULTS.length)];
      boolean oneOff = kind.equals("webhook-writes-warn") || kind.equals("unreadable-mode-record");
      Duration lasting =
          oneOff || random.nextInt(8) == 0 ? null : Duration.ofMinutes(random.nextInt(1, 6 * 60));
      events.add(at(anyTime(random), new ScenarioEvent.Fault(kind, lasting)));
    }
    int crashes = random.nextInt(6) == 0 ? random.nextInt(1, 3) : 0;
    return new Scenario(
        "fuzz-" + seed + "-" + index,
        "greenlight fuzz trace " + index + " of seed " + seed,
        "ANY",
        HORIZON,
        crashes,
        events);
  }

  /**
   * Approvals and resumes, at fixed times rather than after triggers, so that a trace runs the same
   * in {@code greenlight fuzz} and in {@code greenlight rehearse} (which look for triggers at other
   * moments): someone approves whatever the rollout waits for every half day from day 4, and
   * resumes a pause every couple of days. An approval of nothing pending is refused, as a person's
   * would be.
   */
  private List<ScenarioEvent> approvals(SplittableRandom random) {
    List<ScenarioEvent> events = new ArrayList<>();
    for (long minute = Duration.ofDays(4).toMinutes() + random.nextInt(0, 12 * 60);
        minute < BUSY.toMinutes();
        minute += 12 * 60) {
      for (String step :
          List.of(
              RolloutConstants.APPROVE_MIGRATION,
              RolloutConstants.APPROVE_DISTINCT_STAGES,
              RolloutConstants.APPROVE_MIGRATION_RESUME)) {
        events.add(at(Duration.ofMinutes(minute), command("approve", step, 0, false)));
      }
    }
    for (long minute = random.nextInt(60, 2 * 24 * 60);
        minute < HORIZON.toMinutes();
        minute += random.nextInt(24 * 60, 3 * 24 * 60)) {
      events.add(at(Duration.ofMinutes(minute), command("resume", null, 0, false)));
    }
    return events;
  }

  /** A gate bent away from healthy for a while, then healthy again. */
  private List<ScenarioEvent> metricEpisode(SplittableRandom random) {
    GateSpec gate = gates.get(random.nextInt(gates.size()));
    Duration from = anyTime(random);
    Duration lasting = Duration.ofMinutes(random.nextInt(1, 2 * 24 * 60));
    ScenarioEvent.MetricChange change =
        switch (random.nextInt(8)) {
          case 0 -> new ScenarioEvent.MetricChange(gate.name(), Kind.MISSING, Double.NaN);
          case 1 -> new ScenarioEvent.MetricChange(gate.name(), Kind.ERROR, Double.NaN);
          default -> new ScenarioEvent.MetricChange(gate.name(), Kind.VALUE, value(random, gate));
        };
    return List.of(
        at(from, change),
        at(
            from.plus(lasting),
            new ScenarioEvent.MetricChange(gate.name(), Kind.HEALTHY, Double.NaN)));
  }

  /** A value near a threshold or breach threshold, on either side, or far past it. */
  private static double value(SplittableRandom random, GateSpec gate) {
    double around =
        gate.breachThreshold() != null && random.nextBoolean()
            ? gate.breachThreshold()
            : gate.threshold();
    double[] factors = {0.25, 0.8, 0.99, 1.0, 1.01, 1.2, 2.0, 5.0};
    return around * factors[random.nextInt(factors.length)];
  }

  private ScenarioEvent.Command command(SplittableRandom random) {
    String name = COMMANDS[random.nextInt(COMMANDS.length)];
    return switch (name) {
      case "abort" ->
          random.nextInt(4) == 0
              ? command("abort", null, 0, false)
              : command("pause", null, 0, false);
      case "promote" -> command("promote", null, 0, random.nextBoolean());
      case "extend-warn" -> command("extend-warn", null, random.nextInt(0, 40), false);
      case "approve" ->
          command("approve", random.nextBoolean() ? "migration" : "nothing", 0, false);
      default -> command(name, null, 0, false);
    };
  }

  private static ScenarioEvent.Command command(String name, String step, int days, boolean force) {
    return new ScenarioEvent.Command(name, step, days, force, "fuzz", "fuzzed " + name);
  }

  /** Most of what matters happens in the first two weeks and a half: OFF to the soak. */
  private static Duration anyTime(SplittableRandom random) {
    return Duration.ofMinutes(random.nextLong(0, BUSY.toMinutes()));
  }

  private static ScenarioEvent at(Duration at, ScenarioEvent.Action action) {
    return new ScenarioEvent(at, null, Duration.ZERO, action);
  }

  RolloutPlan plan() {
    return plan;
  }
}
