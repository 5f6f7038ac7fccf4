package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarnExitPhaseTest {
  @Test
  void ratesReadAsPercentagesWithoutFloatingPointNoise() {
    assertEquals("0.100%", RolloutWording.percent(0.0010000000000000007));
    assertEquals("0.500%", RolloutWording.percent(0.005));
    assertEquals("12.346%", RolloutWording.percent(0.1234567));
  }
}
