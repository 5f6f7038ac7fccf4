package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Under 4,096 events per run and under 1 MiB of carried state. */
class BoundedHistoryCheckTest {
  @Test
  void justUnderBothBoundsPasses() {
    Traces.Builder b = Traces.happy();
    b.maxEventsPerRun = 4095;
    b.carriedStateBytes = 1024 * 1024 - 1;
    BoundedHistoryCheck check = new BoundedHistoryCheck();
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(1, check.checks());
  }

  @Test
  void fiveThousandEventsInARunAreReported() {
    Traces.Builder b = Traces.happy();
    b.maxEventsPerRun = 5000;
    List<Violation> found = new BoundedHistoryCheck().check(b.build());
    Violation violation = assertOneViolation(found, "5000 history events");
    assertEquals(BoundedHistoryCheck.NAME, violation.invariant());
  }

  @Test
  void twoMebibytesOfCarriedStateAreReported() {
    Traces.Builder b = Traces.happy();
    b.carriedStateBytes = 2 * 1024 * 1024;
    List<Violation> found = new BoundedHistoryCheck().check(b.build());
    assertOneViolation(found, "carried state");
  }
}
