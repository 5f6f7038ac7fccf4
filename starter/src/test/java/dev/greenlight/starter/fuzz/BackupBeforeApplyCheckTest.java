package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.RUN;
import static dev.greenlight.starter.fuzz.Traces.START;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.ViolationAssertions.assertOneViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No apply without a succeeded backup, verify and restore test of the same run, in that order. */
class BackupBeforeApplyCheckTest {
  private static final long DAY5 = START + days(5);

  /** Only the day-5 data steps, as given. */
  private static Traces.Builder dataSteps() {
    Traces.Builder b = Traces.happy();
    b.data.clear();
    return b;
  }

  @Test
  void anApplyWhoseRestoreTestWasAnotherRunsIsReported() {
    Traces.Builder b = dataSteps();
    b.data(DAY5, "backup", RUN, true).data(DAY5, "verify", RUN, true);
    b.data(DAY5, "restore-test", "attempt-0", true).data(DAY5, "dry-run", RUN, true);
    b.data(DAY5 + hours(1), "apply", RUN, true);
    List<Violation> found = new BackupBeforeApplyCheck().check(b.build());
    Violation violation =
        assertOneViolation(found, "without a succeeded restore-test after its verify");
    assertEquals(BackupBeforeApplyCheck.NAME, violation.invariant());
  }

  @Test
  void aFailedRestoreTestProvesNothing() {
    Traces.Builder b = dataSteps();
    b.data(DAY5, "backup", RUN, true).data(DAY5, "verify", RUN, true);
    b.data(DAY5, "restore-test", RUN, false).data(DAY5 + hours(1), "apply", RUN, true);
    assertEquals(1, new BackupBeforeApplyCheck().check(b.build()).size());
  }

  @Test
  void aVerifyBeforeTheBackupDoesNotVerifyIt() {
    Traces.Builder b = dataSteps();
    b.data(DAY5, "verify", RUN, true).data(DAY5, "backup", RUN, true);
    b.data(DAY5, "restore-test", RUN, true).data(DAY5 + hours(1), "apply", RUN, true);
    List<Violation> found = new BackupBeforeApplyCheck().check(b.build());
    assertOneViolation(found, "verify after its backup");
  }

  @Test
  void anApplyWithNoBackupAtAllIsReported() {
    Traces.Builder b = dataSteps().data(DAY5, "apply", RUN, true);
    List<Violation> found = new BackupBeforeApplyCheck().check(b.build());
    assertTrue(
        found.get(0).detail().contains("without a succeeded backup of that run"), found.toString());
  }

  @Test
  void aRetryAfterAFailedApplyMayReuseTheProof() {
    Traces.Builder b = dataSteps();
    b.data(DAY5, "backup", RUN, true).data(DAY5, "verify", RUN, true);
    b.data(DAY5, "restore-test", RUN, true).data(DAY5 + hours(1), "apply", RUN, false);
    b.data(DAY5 + hours(2), "apply", RUN, true);
    BackupBeforeApplyCheck check = new BackupBeforeApplyCheck();
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(2, check.checks());
  }
}
