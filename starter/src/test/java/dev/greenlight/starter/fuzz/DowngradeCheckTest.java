package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.START;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.minutes;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolationAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.Phase;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert while the record is ENFORCE leaves it at warn within one poll (5 minutes in v3.4). */
class DowngradeCheckTest {
  private static final long ALERT = CANARY + minutes(30);
  private static final long OPEN = Long.MAX_VALUE;

  /** An alert in ENFORCE 10 %, the rollback's warn written {@code after} it (none when < 0). */
  private static Traces.Builder alerted(long after) {
    Traces.Builder b = Traces.happy().cutAfter(ALERT);
    b.send(ALERT, "alert", true);
    if (after >= 0) {
      b.rollBack(ALERT + after, "rolled back");
    }
    return b.stillOpenRolledBack();
  }

  private static DowngradeCheck check(long horizon) {
    return new DowngradeCheck(new Horizon(horizon, false));
  }

  @Test
  void theWebhooksWarnAtOncePasses() {
    Traces.Builder b = alerted(-1);
    b.webhookWarn(ALERT);
    DowngradeCheck check = check(OPEN);
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(1, check.checks());
  }

  @Test
  void theWorkflowsWarnWithinThePollPasses() {
    assertEquals(List.of(), check(OPEN).check(alerted(minutes(4)).build()));
  }

  @Test
  void noWarnAfterAnAlertInEnforceIsReported() {
    List<Violation> found = check(OPEN).check(alerted(-1).build());
    assertOneViolationAt(found, DowngradeCheck.NAME, ALERT, "over enforce 10%");
  }

  @Test
  void aWarnSevenMinutesLateIsReported() {
    assertEquals(1, check(OPEN).check(alerted(minutes(7)).build()).size());
  }

  @Test
  void failingModeWritesMoveTheDeadlineToTheFaultsEndPlusAPollPlusTheRetryCap() {
    Traces.Builder inTime =
        alerted(minutes(29)).fault("mode-flips-fail", ALERT, ALERT + minutes(20));
    assertEquals(List.of(), check(OPEN).check(inTime.build()));
    Traces.Builder late = alerted(minutes(31)).fault("mode-flips-fail", ALERT, ALERT + minutes(20));
    assertEquals(1, check(OPEN).check(late.build()).size());
  }

  @Test
  void anAlertOutsideEnforceIsNotChecked() {
    Traces.Builder b = Traces.happy().send(START + days(3), "alert", true);
    DowngradeCheck check = check(OPEN);
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(0, check.checks());
  }

  @Test
  void aDeadlinePastTheHorizonOfARunningExecutionIsNotDecided() {
    DowngradeCheck before = check(ALERT + minutes(2));
    assertEquals(List.of(), before.check(alerted(-1).build()));
    assertEquals(0, before.checks());
  }

  @Test
  void aClosedExecutionDecidesEveryDeadline() {
    Traces.Builder b = alerted(-1);
    b.transition(ALERT + minutes(30), Phase.ABORTED, ValidationMode.ENFORCE, 10, "aborted");
    b.closeStatus = "COMPLETED";
    assertEquals(1, new DowngradeCheck(new Horizon(ALERT, true)).check(b.build()).size());
  }

  /** After the rollout ended only the webhook's own write can downgrade: not the workflow's job. */
  @Test
  void anAlertAfterTheRolloutEndedIsNotChecked() {
    Traces.Builder b = alerted(-1);
    b.closeStatus = "COMPLETED";
    DowngradeCheck check = new DowngradeCheck(new Horizon(ALERT, true));
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(0, check.checks());
  }
}
