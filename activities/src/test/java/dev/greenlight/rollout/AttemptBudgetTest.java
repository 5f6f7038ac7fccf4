package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.dataplane.backup.Backups;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptBudgetTest {
  private static final Duration DATA_START_TO_CLOSE = Duration.ofMinutes(30);

  @Test
  void theTwoHourDumpTimeoutIsCutToEndInsideTheDataActivitysThirtyMinutes() {
    AttemptBudget budget = new AttemptBudget(DATA_START_TO_CLOSE, Duration.ZERO);

    assertEquals(Duration.ofMinutes(27), budget.fit(Backups.DEFAULT_DUMP_TIMEOUT));
  }

  @Test
  void aLimitThatFitsIsKeptAndTimeAlreadySpentCounts() {
    assertEquals(
        Backups.DEFAULT_RESTORE_LIMIT,
        new AttemptBudget(DATA_START_TO_CLOSE, Duration.ZERO).fit(Backups.DEFAULT_RESTORE_LIMIT));
    assertEquals(
        Duration.ofMinutes(2),
        new AttemptBudget(DATA_START_TO_CLOSE, Duration.ofMinutes(25))
            .fit(Backups.DEFAULT_RESTORE_LIMIT));
  }

  @Test
  void shortTimeoutsKeepAtLeastAMinuteOfMarginAndOneSecondOfWork() {
    assertEquals(
        Duration.ofMinutes(4),
        new AttemptBudget(Duration.ofMinutes(5), Duration.ZERO).fit(Duration.ofHours(1)));
    assertEquals(
        Duration.ofSeconds(1),
        new AttemptBudget(Duration.ofSeconds(30), Duration.ZERO).fit(Duration.ofHours(1)));
  }

  @Test
  void noStartToCloseTimeoutLeavesTheLimitAlone() {
    assertEquals(
        Duration.ofHours(2),
        new AttemptBudget(Duration.ZERO, Duration.ZERO).fit(Duration.ofHours(2)));
  }
}
