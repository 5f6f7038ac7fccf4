package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.Traces.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.Phase;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The oracle as the fuzz command uses it: every invariant, one report, mergeable. */
class InvariantOracleTest {
  private final InvariantOracle oracle = new InvariantOracle();

  /**
   * A rollout that rolls back on an alert (the webhook writes warn), is retried after its WARN
   * extension, and completes: clean, and it exercises every invariant.
   */
  static Traces.Builder rolledBackRetriedAndCompleted() {
    long alert = CANARY + minutes(30);
    long retry = alert + days(7) + hours(1);
    long enforce = retry + minutes(5);
    long step50 = enforce + hours(2);
    long soak = step50 + hours(4);
    long warnExit = soak + hours(24);
    Traces.Builder b = Traces.happy().cutAfter(CANARY);
    b.send(alert, "alert", true).webhookWarn(alert);
    b.transition(alert, Phase.ROLLED_BACK, ValidationMode.WARN, 0, "rolled back (alert)");
    b.send(retry, "retry-canary", true);
    b.transition(retry, Phase.CANARY, ValidationMode.WARN, 0, "retry: canary again");
    b.enforce(enforce, 10);
    b.transition(step50, Phase.CANARY, ValidationMode.ENFORCE, 10, "step 10% promoted: green");
    b.enforce(step50, 50);
    b.transition(soak, Phase.SOAK, ValidationMode.ENFORCE, 50, "step 50% promoted: green");
    b.enforce(soak, 100);
    b.transition(warnExit, Phase.WARN_EXIT, ValidationMode.ENFORCE, 100, "soak: green 24h");
    b.transition(warnExit + days(7), Phase.COMPLETED, ValidationMode.ENFORCE, 100, "7 good days");
    return b;
  }

  @Test
  void aCleanRolloutWithARollbackAndARetryPassesAndExercisesEveryInvariant() {
    OracleReport report = oracle.check(rolledBackRetriedAndCompleted().build());
    assertEquals(List.of(), report.violations());
    assertEquals(InvariantOracle.INVARIANTS, List.copyOf(report.checks().keySet()));
    report.checks().forEach((name, n) -> assertTrue(n > 0, name + " made no check"));
    assertEquals(3, report.checks().get(PromotionCheck.NAME));
    assertEquals(2, report.checks().get(EnforceEntryCheck.NAME));
    assertEquals(3, report.checks().get(RetryAfterRollbackCheck.NAME));
  }

  @Test
  void everyInvariantIsListedEvenWithoutChecks() {
    OracleReport report = oracle.check(Traces.happy().build());
    assertTrue(report.clean());
    assertEquals(InvariantOracle.INVARIANTS, List.copyOf(report.checks().keySet()));
    assertEquals(0, report.checks().get(DowngradeCheck.NAME));
  }

  @Test
  void violationsCarryTheirInvariantsNameAndReportsMerge() {
    Traces.Builder b = rolledBackRetriedAndCompleted();
    b.closeStatus = "FAILED";
    b.maxEventsPerRun = 5000;
    b.data.removeIf(d -> d.step().equals("restore-test"));
    OracleReport broken = oracle.check(b.build());
    assertEquals(
        Set.of(BackupBeforeApplyCheck.NAME, FailedExecutionCheck.NAME, BoundedHistoryCheck.NAME),
        broken.violations().stream().map(Violation::invariant).collect(Collectors.toSet()));

    OracleReport both =
        OracleReport.empty().merge(broken).merge(oracle.check(Traces.happy().build()));
    assertEquals(3, both.violations().size());
    Map<String, Long> checks = both.checks();
    assertEquals(6, checks.get(PromotionCheck.NAME));
    assertEquals(2, checks.get(FailedExecutionCheck.NAME));
  }

  @Test
  void aRunningTracesHorizonDecidesWhetherALateAlertIsChecked() {
    long alert = CANARY + minutes(30);
    Traces.Builder b = Traces.happy().cutAfter(alert).send(alert, "alert", true);
    b.closeStatus = "RUNNING";
    b.finalPhase = Phase.CANARY;
    TraceLog log = b.build();
    assertEquals(0, oracle.check(log).checks().get(DowngradeCheck.NAME), "horizon = last event");
    OracleReport later = oracle.check(log, alert + hours(1));
    assertEquals(1, later.checks().get(DowngradeCheck.NAME));
    assertEquals(DowngradeCheck.NAME, later.violations().get(0).invariant());
  }
}
