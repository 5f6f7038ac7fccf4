package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.STEP_50;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.Phase;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The workflow never writes ENFORCE over a record someone else wrote, unless rolled back and
 * retried.
 */
class ForeignWarnCheckTest {
  private static final long WEBHOOK = CANARY + hours(1);
  private static final long RETRY = WEBHOOK + days(7) + hours(1);

  @Test
  void aPromotionOverTheWebhooksWarnIsReported() {
    Traces.Builder b = Traces.happy().cutAfter(STEP_50);
    b.webhookWarn(WEBHOOK);
    List<Violation> found = new ForeignWarnCheck().check(b.build());
    Violation violation = assertOneViolation(found, "over warn 0% by ops-webhook");
    assertEquals(STEP_50, violation.atMillis());
  }

  @Test
  void enforceOverAnUnreadableRecordIsReported() {
    Traces.Builder b = Traces.happy().cutAfter(STEP_50);
    b.writes.add(new TraceLog.ModeWrite(WEBHOOK, "corruption", false, null, 0, 0));
    List<Violation> found = new ForeignWarnCheck().check(b.build());
    assertOneViolation(found, "an unreadable record");
  }

  @Test
  void aRollbackOnTheForeignWarnThenARetryMayEnforceAgain() {
    assertEquals(List.of(), new ForeignWarnCheck().check(rolledBack(true).build()));
  }

  @Test
  void aRefusedRetryDoesNotCount() {
    assertEquals(1, new ForeignWarnCheck().check(rolledBack(false).build()).size());
  }

  /** The webhook downgrades, the workflow rolls back (writing nothing: warn 0 % is there). */
  private static Traces.Builder rolledBack(boolean retryAccepted) {
    Traces.Builder b = Traces.happy().cutAfter(WEBHOOK);
    b.webhookWarn(WEBHOOK);
    b.transition(WEBHOOK, Phase.ROLLED_BACK, ValidationMode.WARN, 0, "rolled back (alert)");
    b.send(RETRY - hours(1), "retry-canary", retryAccepted);
    b.transition(RETRY - hours(1), Phase.CANARY, ValidationMode.WARN, 0, "retry");
    b.enforce(RETRY, 10);
    return b;
  }
}
