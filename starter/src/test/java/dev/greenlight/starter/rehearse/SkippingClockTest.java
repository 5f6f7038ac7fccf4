package dev.greenlight.starter.rehearse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A clock that does not move is noticed, so that its run can start again in a fresh server. */
class SkippingClockTest {
  /** A started server without time skipping: a simulated day takes a day, as on a stopped clock. */
  private static TestWorkflowEnvironment clockInRealTime() {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    env.start();
    return env;
  }

  @Test
  void aClockThatDoesNotMoveIsReportedNotWaitedOnForever() {
    try (TestWorkflowEnvironment env = clockInRealTime()) {
      SkippingClock clock = new SkippingClock(env, Duration.ofMillis(500));

      SkippingClock.Stopped stopped =
          assertThrows(SkippingClock.Stopped.class, () -> clock.sleep(Duration.ofDays(1)));

      assertTrue(stopped.getMessage().contains("clock stopped"), stopped.getMessage());
    }
  }

  @Test
  void aClockIsNotReportedWhileWorkIsInFlight() {
    try (TestWorkflowEnvironment env = clockInRealTime()) {
      long started = System.nanoTime();
      Duration working = Duration.ofSeconds(2);
      // An activity running for two seconds of wall time, then nothing: never reported before.
      SkippingClock clock =
          new SkippingClock(
              env, Duration.ofMillis(500), () -> System.nanoTime() - started < working.toNanos());

      assertThrows(SkippingClock.Stopped.class, () -> clock.sleep(Duration.ofDays(1)));

      assertTrue(System.nanoTime() - started >= working.toNanos());
    }
  }

  @Test
  void aClockThatSkipsIsNotReported() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.start();
      long before = env.currentTimeMillis();

      new SkippingClock(env, Duration.ofSeconds(30)).sleep(Duration.ofDays(1));

      assertTrue(env.currentTimeMillis() - before >= Duration.ofDays(1).toMillis());
    }
  }
}
