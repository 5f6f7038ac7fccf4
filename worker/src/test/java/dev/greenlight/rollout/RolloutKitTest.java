package dev.greenlight.rollout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A class of rollout scenarios: each test drives one rollout in a fresh {@link RolloutTestKit},
 * whose history is recorded for the replay tests (when asked to) and which is closed after it.
 */
abstract class RolloutKitTest {
  final RolloutTestKit kit = new RolloutTestKit();

  @AfterEach
  void recordAndClose(TestInfo test) {
    kit.recordHistory(test.getTestMethod().orElseThrow().getName());
    kit.close();
  }
}
