package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.bent;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.Traces.minutes;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolationAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ENFORCE entered only on a fresh WARN verdict, read in the truth at the write. */
class EnforceEntryCheckTest {
  @Test
  void enforceWrittenWithWarnUnknownsAtPointEightPercentIsReported() {
    Traces.Builder b = Traces.happy();
    b.metrics(bent(b.metrics, "unknown-rate", CANARY - minutes(30), CANARY + 1, 0.008));
    List<Violation> found = new EnforceEntryCheck().check(b.build());
    assertOneViolationAt(found, EnforceEntryCheck.NAME, CANARY, "unknown-rate: red sample 0.008");
  }

  @Test
  void enforceWrittenWhileTheBlockRuleHoldsIsReported() {
    Traces.Builder b = Traces.happy();
    b.metrics(bent(b.metrics, "unknown-rate-block", CANARY - minutes(15), CANARY + 1, 0.02));
    List<Violation> found = new EnforceEntryCheck().check(b.build());
    assertOneViolation(found, "ENFORCE blocked");
  }

  @Test
  void aBlockGateHighForLessThanItsBreachTimeDoesNotBlock() {
    Traces.Builder b = Traces.happy();
    b.metrics(bent(b.metrics, "unknown-rate-block", CANARY - minutes(5), CANARY + 1, 0.02));
    assertEquals(List.of(), new EnforceEntryCheck().check(b.build()));
  }

  @Test
  void aRetryEntersAgainAndIsCheckedAgainstItsOwnMoment() {
    long rollback = CANARY + hours(1);
    long retry = rollback + days(7) + hours(1);
    Traces.Builder b = Traces.happy().cutAfter(rollback);
    b.rollBack(rollback, "rolled back (alert)");
    b.send(retry - hours(1), "retry-canary", true);
    b.enforce(retry, 10);
    b.metrics(
        bent(b.metrics, "unknown-rate", retry - minutes(40), retry - minutes(20), Double.NaN));
    EnforceEntryCheck check = new EnforceEntryCheck();
    List<Violation> found = check.check(b.build());
    assertEquals(2, check.checks());
    Violation violation = assertOneViolation(found, "samples present");
    assertEquals(retry, violation.atMillis());
  }
}
