package dev.greenlight.localservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessStopTest {
  @Test
  void aProcessThatHonoursSigtermExitsWithinItsGrace() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    assertTrue(ProcessStop.terminate(sleeper, Duration.ofSeconds(10)));
    assertFalse(sleeper.isAlive());
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilledAfterItsGrace() throws Exception {
    Process stubborn =
        new ProcessBuilder("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done")
            .start();
    // SIGTERM must arrive after the trap is in place, or the shell simply dies of it.
    try (BufferedReader out = stubborn.inputReader()) {
      assertEquals("ready", out.readLine());
      assertFalse(ProcessStop.terminate(stubborn, Duration.ofMillis(300)));
    }
    assertFalse(stubborn.isAlive());
  }
}
