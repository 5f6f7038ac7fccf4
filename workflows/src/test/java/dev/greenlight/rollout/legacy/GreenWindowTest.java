package dev.greenlight.rollout.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.gates.GateSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreenWindowTest {
  private static final long MIN = 60_000;
  private static final long WINDOW = 30 * MIN;

  private static GateSummary green(int present) {
    return new GateSummary("g", GateSummary.Outcome.DATA, null, 5, present, 0, 0, 0, 0, 0);
  }

  private static RolloutState windowOpenedAtZero() {
    RolloutState s = new RolloutState();
    GreenWindow.open(s, 0);
    return s;
  }

  private static void poll(RolloutState s, long at, GateSummary summary) {
    GreenWindow.observe(s, List.of(summary), at);
  }

  @Test
  void windowIsGreenOnlyAfterItsWholeLength() {
    RolloutState s = windowOpenedAtZero();
    for (long t = 5 * MIN; t < WINDOW; t += 5 * MIN) {
      poll(s, t, green(5));
      assertFalse(GreenWindow.isGreen(s, t, WINDOW));
    }
    poll(s, WINDOW, green(5));
    assertTrue(GreenWindow.isGreen(s, WINDOW, WINDOW));
  }

  @Test
  void redReadingRestartsTheWindowJustAfterIt() {
    RolloutState s = windowOpenedAtZero();
    poll(s, 20 * MIN, green(5));
    poll(
        s,
        25 * MIN,
        new GateSummary("g", GateSummary.Outcome.DATA, null, 5, 5, 0, 0, 22 * MIN, 0, 0));
    assertEquals(22 * MIN, s.gates.greenSinceMillis);
    assertFalse(GreenWindow.isGreen(s, 40 * MIN, WINDOW));
  }

  @Test
  void errorRestartsTheWindowSoAFailedScrapeCannotKeepAStreak() {
    RolloutState s = windowOpenedAtZero();
    poll(s, 25 * MIN, green(5));
    poll(s, 30 * MIN, GateSummary.error("g", "HTTP 503"));
    assertEquals(30 * MIN, s.gates.greenSinceMillis);
    assertFalse(GreenWindow.isGreen(s, 30 * MIN, WINDOW));
  }

  @Test
  void windowWithoutCoverageIsNotGreenAndStartsAgain() {
    RolloutState s = windowOpenedAtZero();
    for (long t = 5 * MIN; t <= WINDOW; t += 5 * MIN) {
      poll(s, t, green(t == 10 * MIN ? 0 : 5)); // one poll of five missing: 83 %
    }
    assertFalse(GreenWindow.isGreen(s, WINDOW, WINDOW));
    assertEquals(WINDOW, s.gates.greenSinceMillis);
  }
}
