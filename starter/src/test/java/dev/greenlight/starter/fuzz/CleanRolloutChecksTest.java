package dev.greenlight.starter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clean v3.4 rollout breaks none of these checks, and each made as many checks on it as the
 * rollout gives it: zero checks is "untested", so the count is part of passing. One table, so each
 * count sits next to its reason; a check whose clean case needs more (a horizon, an execution still
 * running) tests it in its own test class.
 */
class CleanRolloutChecksTest {
  static Stream<Arguments> checks() {
    return Stream.of(
        Arguments.of(new BackupBeforeApplyCheck(), 1, "the one apply, after its proof"),
        Arguments.of(new ForeignWarnCheck(), 3, "every ENFORCE write: 10 %, 50 %, 100 %"),
        Arguments.of(new PromotionCheck(), 3, "both promotions and the soak"),
        Arguments.of(
            new EnforceEntryCheck(), 1, "10 % over warn; 50 % and 100 % over ENFORCE are no entry"),
        Arguments.of(new RetryAfterRollbackCheck(), 0, "no rollback, so no ENFORCE after one"));
  }

  @ParameterizedTest(name = "{0}: {1} checks ({2})")
  @MethodSource("checks")
  void aCleanRolloutPassesHavingCheckedWhatItHolds(InvariantCheck check, long checks, String why) {
    assertEquals(List.of(), check.check(Traces.happy().build()));
    assertEquals(checks, check.checks(), why);
  }
}
