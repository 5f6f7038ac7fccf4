package dev.greenlight.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  @Test
  void returnsTheProbesFirstAnswer() {
    AtomicInteger asked = new AtomicInteger();
    String answer =
        Await.until(
            Duration.ofSeconds(5),
            "the third ask",
            () -> asked.incrementAndGet() >= 3 ? "yes" : null,
            () -> "");
    assertEquals("yes", answer);
    assertEquals(3, asked.get());
  }

  @Test
  void failureNamesWhatWasAwaitedAndAddsTheDiagnostics() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> Await.until(Duration.ofMillis(30), "pigs to fly", () -> false, () -> "sky log"));
    assertTrue(e.getMessage().contains("waiting for pigs to fly"), e.getMessage());
    assertTrue(e.getMessage().endsWith("\nsky log"), e.getMessage());
  }

  @Test
  void inProcessConditionFailsWithoutDiagnostics() {
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> Await.until(Duration.ofMillis(30), "never", () -> false));
    assertEquals("timed out after PT0.03S waiting for never", e.getMessage());
  }
}
