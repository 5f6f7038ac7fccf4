package dev.greenlight.rollout;

import static dev.greenlight.rollout.Phase.COMPLETED;
import static dev.greenlight.rollout.Phase.NEEDS_ATTENTION;
import static dev.greenlight.rollout.Phase.WARN_EXIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The WARN exit by the calendar (issue 11, item 8): one reading per aligned day over that day
 * alone, failed reads retried within the day, and the 30th day read before the cap.
 */
class WarnExitCalendarTest extends RolloutKitTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final double GOOD = 0.001;
  private static final double BAD = 0.02;
  private String daily;

  /** Runs to the WARN exit with every day good unless a test bends it; returns its start. */
  private long reachWarnExit(double dailyValue) {
    kit.start(
        script ->
            script.value(kit.plan.warnExit().unknownRate().query(), Duration.ZERO, dailyValue));
    daily = kit.plan.warnExit().unknownRate().query();
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));
    return kit.awaitStatus(s -> s.phase() == WARN_EXIT, Duration.ofDays(5), Duration.ofHours(1))
        .phaseStartedAtMillis();
  }

  /** Asserts the rollout ended at {@code expected}, give or take the timers' milliseconds. */
  /** The rollout completed, its last transition within a minute of {@code expected}. */
  private RolloutResult assertCompletedAt(long expected) {
    RolloutResult result = kit.result();
    assertEquals(COMPLETED, result.outcome(), result.reason());
    assertEndedAt(expected, result);
    return result;
  }

  private static void assertEndedAt(long expected, RolloutResult result) {
    long ended = result.transitions().get(result.transitions().size() - 1).atMillis();
    assertTrue(
        Math.abs(ended - expected) < 60_000,
        "ended " + (ended - expected) / 3_600_000.0 + "h away from the expected day's end");
  }

  /** Days 1–23 bad, 24–30 good: seven good days end exactly at the cap, and day 30 counts. */
  @Test
  void theThirtiethDayIsReadBeforeTheCap() {
    long start = reachWarnExit(BAD);
    kit.bendAt(daily, start + 23 * DAY + DAY / 2, GOOD);

    assertCompletedAt(start + 30 * DAY);
  }

  /** Without seven good days by day 30: NEEDS_ATTENTION, the mode left as it is. */
  @Test
  void withoutSevenGoodDaysByTheCapItNeedsAttentionAndKeepsTheMode() {
    long start = reachWarnExit(BAD);
    kit.bendAt(daily, start + 24 * DAY + DAY / 2, GOOD); // days 25–30: six good days

    RolloutResult result = kit.result();

    assertEquals(NEEDS_ATTENTION, result.outcome(), result.reason());
    assertTrue(result.reason().contains("the last run of good days was 6"), result.reason());
    assertEquals(ValidationMode.ENFORCE, kit.mode().orElseThrow().mode());
    assertEquals(100, kit.mode().orElseThrow().enforcePercent());
  }

  /**
   * A bad hour at the end of day 3 makes day 3 bad, and only day 3: days 4–10 are seven good days
   * (a trailing 24-hour reading taken hourly spoiled day 4 too).
   */
  @Test
  void oneBadDayDoesNotSpoilTheNext() {
    long start = reachWarnExit(GOOD);
    kit.bendAt(daily, start + 3 * DAY - DAY / 24, BAD);
    kit.bendAt(daily, start + 3 * DAY + DAY / 24, GOOD);

    assertCompletedAt(start + 10 * DAY);
  }

  /** Prometheus down for three hours when day 2 ends: the read is retried, day 2 still counts. */
  @Test
  void aFailedReadIsRetriedWithinTheDay() {
    long start = reachWarnExit(GOOD);
    kit.failAt(daily, start + 2 * DAY - 1000);
    kit.bendAt(daily, start + 2 * DAY + 3 * DAY / 24, GOOD);

    RolloutResult result = assertCompletedAt(start + 7 * DAY);
    assertTrue(
        result.transitions().stream()
            .anyMatch(t -> t.reason().startsWith("day 2 could not be read")),
        result.transitions().toString());
  }
}
