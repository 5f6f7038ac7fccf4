package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolationAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.Phase;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a rollback or an abort, no ENFORCE until an accepted retry-canary. */
class RetryAfterRollbackCheckTest {
  private static final long STOP = CANARY + hours(1);
  private static final long AGAIN = STOP + days(7) + hours(1);

  /** Stopped at STOP into {@code phase}, {@code retry} sent (if not null), ENFORCE 10 % again. */
  private static Traces.Builder stoppedThenEnforced(Phase phase, Boolean retry) {
    Traces.Builder b = Traces.happy().cutAfter(STOP);
    b.write(STOP, ValidationMode.WARN, 0);
    b.transition(STOP, phase, ValidationMode.WARN, 0, phase + " by a test");
    b.transition(STOP + hours(1), phase, ValidationMode.WARN, 0, "still " + phase);
    if (retry != null) {
      b.send(AGAIN - hours(1), "retry-canary", retry);
    }
    b.enforce(AGAIN, 10);
    return b;
  }

  @Test
  void enforceAfterAnAcceptedRetryPasses() {
    RetryAfterRollbackCheck check = new RetryAfterRollbackCheck();
    assertEquals(List.of(), check.check(stoppedThenEnforced(Phase.ROLLED_BACK, true).build()));
    assertEquals(1, check.checks());
  }

  @Test
  void enforceAfterARollbackWithoutARetryIsReported() {
    List<Violation> found =
        new RetryAfterRollbackCheck().check(stoppedThenEnforced(Phase.ROLLED_BACK, null).build());
    assertOneViolationAt(found, RetryAfterRollbackCheck.NAME, AGAIN, "after ROLLED_BACK");
  }

  @Test
  void aRefusedRetryIsNoRetry() {
    assertEquals(
        1,
        new RetryAfterRollbackCheck()
            .check(stoppedThenEnforced(Phase.ROLLED_BACK, false).build())
            .size());
  }

  @Test
  void enforceAfterAnAbortIsReported() {
    List<Violation> found =
        new RetryAfterRollbackCheck().check(stoppedThenEnforced(Phase.ABORTED, null).build());
    assertOneViolation(found, "after ABORTED");
  }
}
