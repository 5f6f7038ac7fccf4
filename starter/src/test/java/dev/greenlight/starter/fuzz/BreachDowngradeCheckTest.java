package dev.greenlight.starter.fuzz;

import static dev.greenlight.starter.fuzz.Traces.CANARY;
import static dev.greenlight.starter.fuzz.Traces.WARN_EXIT;
import static dev.greenlight.starter.fuzz.Traces.bent;
import static dev.greenlight.starter.fuzz.Traces.days;
import static dev.greenlight.starter.fuzz.Traces.hours;
import static dev.greenlight.starter.fuzz.Traces.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sustained breach in ENFORCE leaves the record at warn within a poll and a step: p99 at 2 ms or
 * more for 5 minutes breaches from its 6th sample, so a spike from 1h00m breaches at 1h05m and
 * needs warn by 1h11m.
 */
class BreachDowngradeCheckTest {
  private static final long SPIKE = CANARY + hours(1);
  private static final long BREACH = SPIKE + minutes(5);
  private static final Horizon OPEN = new Horizon(CANARY + days(1), false);

  /** p99 at 3 ms for {@code spike}; the rollback's warn {@code after} the spike (none if < 0). */
  private static Traces.Builder spiked(long spike, long after) {
    Traces.Builder b = Traces.happy().cutAfter(SPIKE);
    b.metrics(bent(b.metrics, "p99-latency", SPIKE, SPIKE + spike, 0.003));
    if (after >= 0) {
      b.rollBack(SPIKE + after, "rolled back");
    }
    return b.stillOpenRolledBack();
  }

  @Test
  void aRollbackWithinAPollOfTheBreachPasses() {
    BreachDowngradeCheck check = new BreachDowngradeCheck(OPEN);
    assertEquals(List.of(), check.check(spiked(minutes(20), minutes(8)).build()));
    assertEquals(1, check.checks());
  }

  @Test
  void aSustainedBreachWithNoWarnIsReportedAtItsFirstSample() {
    List<Violation> found = new BreachDowngradeCheck(OPEN).check(spiked(minutes(20), -1).build());
    assertEquals(1, found.size(), "one episode, one violation");
    assertEquals(BREACH, found.get(0).atMillis());
    assertEquals(DowngradeCheck.NAME, found.get(0).invariant());
    assertTrue(found.get(0).detail().startsWith("p99-latency breached"), found.toString());
  }

  @Test
  void aWarnAfterThePollAndAStepIsLate() {
    assertEquals(
        1, new BreachDowngradeCheck(OPEN).check(spiked(minutes(30), minutes(12)).build()).size());
  }

  @Test
  void aBreachShorterThanAPollIsNotCheckedAPollerMayMissIt() {
    BreachDowngradeCheck check = new BreachDowngradeCheck(OPEN);
    assertEquals(List.of(), check.check(spiked(minutes(8), -1).build()));
    assertEquals(0, check.checks());
  }

  @Test
  void aBreachTheReadsCannotSeeIsNotCheckedHere() {
    Traces.Builder b = spiked(minutes(20), -1);
    TraceLog.MetricTruth spike = b.metrics;
    b.metrics(
        TraceLog.MetricTruth.of(
            spike::valueAt, (gate, at) -> at >= SPIKE && at < SPIKE + minutes(30)));
    assertEquals(List.of(), new BreachDowngradeCheck(OPEN).check(b.build()));
  }

  @Test
  void failingModeWritesExtendTheDeadline() {
    Traces.Builder b =
        spiked(minutes(40), minutes(30)).fault("mode-flips-fail", SPIKE, SPIKE + minutes(20));
    assertEquals(List.of(), new BreachDowngradeCheck(OPEN).check(b.build()));
  }

  @Test
  void breachesInWarnExitAreNotChecked() {
    Traces.Builder b = Traces.happy();
    b.metrics(bent(b.metrics, "p99-latency", WARN_EXIT + hours(1), WARN_EXIT + hours(2), 0.003));
    BreachDowngradeCheck check = new BreachDowngradeCheck(new Horizon(WARN_EXIT + days(8), true));
    assertEquals(List.of(), check.check(b.build()));
    assertEquals(0, check.checks());
  }

  @Test
  void aBreachInTheSoakIsChecked() {
    Traces.Builder b = Traces.happy();
    long soakSpike = WARN_EXIT - hours(3);
    b.metrics(bent(b.metrics, "error-rate", soakSpike, soakSpike + hours(1), 0.01));
    List<Violation> found =
        new BreachDowngradeCheck(new Horizon(WARN_EXIT + days(8), true)).check(b.build());
    assertEquals(1, found.size());
    assertTrue(found.get(0).detail().startsWith("error-rate breached"), found.toString());
  }
}
