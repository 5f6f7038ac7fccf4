package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarnExitPhaseTest {
  @Test
  void ratesReadAsPercentagesWithoutFloatingPointNoise() {
    assertEquals("0.100%", WarnExitPhase.percent(0.0010000000000000007));
    assertEquals("0.500%", WarnExitPhase.percent(0.005));
    assertEquals("12.346%", WarnExitPhase.percent(0.1234567));
  }
}
