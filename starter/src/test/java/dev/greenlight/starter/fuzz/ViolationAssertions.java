package dev.greenlight.starter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The assertions every invariant check's test makes: a bent trace breaks the invariant exactly
 * once, for the reason the test staged. (A clean rollout passing each check is {@link
 * CleanRolloutChecksTest}.)
 */
final class ViolationAssertions {
  private ViolationAssertions() {}

  /**
   * Asserts that {@code found} holds exactly one violation whose detail contains {@code
   * detailPart}, and returns it for the test's further assertions (its time, its name).
   */
  static Violation assertOneViolation(List<Violation> found, String detailPart) {
    assertEquals(1, found.size(), found.toString());
    Violation violation = found.get(0);
    assertTrue(violation.detail().contains(detailPart), found.toString());
    return violation;
  }

  /**
   * Asserts that {@code found} holds exactly one violation, of {@code invariant}, found at {@code
   * atMillis}, whose detail contains {@code detailPart}.
   */
  static void assertOneViolationAt(
      List<Violation> found, String invariant, long atMillis, String detailPart) {
    Violation violation = assertOneViolation(found, detailPart);
    assertEquals(invariant, violation.invariant(), found.toString());
    assertEquals(atMillis, violation.atMillis(), found.toString());
  }
}
