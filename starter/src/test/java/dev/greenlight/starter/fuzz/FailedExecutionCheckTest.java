package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No execution ends FAILED, TERMINATED or TIMED_OUT. */
class FailedExecutionCheckTest {
  @Test
  void aCompletedOrStillRunningExecutionPasses() {
    FailedExecutionCheck check = new FailedExecutionCheck();
    assertEquals(List.of(), check.check(Traces.happy().build()));
    Traces.Builder running = Traces.happy();
    running.closeStatus = "RUNNING";
    assertEquals(List.of(), check.check(running.build()));
    assertEquals(2, check.checks());
  }

  @Test
  void aFailedExecutionIsReported() {
    Traces.Builder b = Traces.happy().cutAfter(Traces.CANARY);
    b.closeStatus = "FAILED";
    b.finalPhase = Phase.CANARY;
    List<Violation> found = new FailedExecutionCheck().check(b.build());
    Violation violation = assertOneViolation(found, "closed FAILED in phase CANARY");
    assertEquals(FailedExecutionCheck.NAME, violation.invariant());
  }

  @Test
  void terminatedAndTimedOutAreReportedToo() {
    for (String status : List.of("TERMINATED", "TIMED_OUT")) {
      Traces.Builder b = Traces.happy();
      b.closeStatus = status;
      assertEquals(1, new FailedExecutionCheck().check(b.build()).size(), status);
    }
  }
}
