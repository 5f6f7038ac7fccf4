package dev.greenlight.starter.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.rollout.Phase;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exit codes of {@code watch} are a contract scripts rely on: 0 for a completed rollout only,
 * and one distinct code per other ending, none of them the CLI's own 1 and 2.
 */
class WatchOutcomeTest {

  @Test
  void onlyACompletedRolloutExitsZero() {
    for (WatchOutcome outcome : WatchOutcome.values()) {
      assertEquals(outcome == WatchOutcome.COMPLETED, outcome.exitCode == 0, outcome.name());
    }
  }

  @Test
  void everyOutcomeHasItsOwnCodeAndNoneIsTheCliUsageOrConnectionCode() {
    Set<Integer> codes =
        Arrays.stream(WatchOutcome.values()).map(o -> o.exitCode).collect(Collectors.toSet());
    assertEquals(WatchOutcome.values().length, codes.size(), "codes repeat: " + codes);
    assertEquals(Set.of(0, 3, 4, 5, 6, 7, 8), codes);
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void everyTerminalPhaseMapsToItsOwnOutcomeAndNoOtherPhaseDoes(Phase phase) {
    if (phase.isTerminal()) {
      assertEquals(phase.name(), WatchOutcome.ofTerminalPhase(phase).name());
    } else {
      assertThrows(IllegalArgumentException.class, () -> WatchOutcome.ofTerminalPhase(phase));
    }
  }

  @Test
  void anExecutionThatClosedMidRolloutIsNotReadAsCompleted() {
    assertEquals(WatchOutcome.ENDED_ROLLED_BACK, WatchOutcome.ofClosedExecution(Phase.ROLLED_BACK));
    assertEquals(WatchOutcome.EXECUTION_ENDED, WatchOutcome.ofClosedExecution(Phase.CANARY));
    assertEquals(WatchOutcome.EXECUTION_ENDED, WatchOutcome.ofClosedExecution(null));
    assertEquals(WatchOutcome.ABORTED, WatchOutcome.ofClosedExecution(Phase.ABORTED));
  }
}
