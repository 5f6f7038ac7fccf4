package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.TestPlans;
import org.junit.jupiter.api.Test;

/** The gate tables of the Markdown the Temporal UI shows as the workflow's current details. */
class StatusMarkdownTest {
  @Test
  void gateWindowsShowOneRowPerGateWithVerdictAndCoverage() {
    RolloutState state = new RolloutState();
    state.phase = Phase.CANARY;
    state.gates.gateWindows.put(
        "p99",
        new GateWindow("p99", 0, GateWindow.Verdict.GREEN, "green for 30m", 0, 0.97, 0.25, 0.2));
    state.gates.lastReadings.add(GateSummary.error("5xx", "timeout"));

    String md = StatusMarkdown.render(TestPlans.v34(), state, 0);

    assertTrue(md.contains("| gate | verdict | last | coverage | why |\n"), md);
    assertTrue(md.contains("\n| p99 | GREEN | 0.25 | 97% | green for 30m |\n"), md);
    assertFalse(md.contains("5xx"), "the windows replace the last readings: " + md);
  }

  @Test
  void withoutWindowsTheLastReadingsShowAndAnErrorSaysWhy() {
    RolloutState state = new RolloutState();
    state.phase = Phase.WARN;
    state.gates.lastReadings.add(GateSummary.error("5xx", "timeout"));

    String md = StatusMarkdown.render(TestPlans.v34(), state, 0);

    assertTrue(md.contains("| gate | last | coverage | state |\n"), md);
    assertTrue(md.contains("\n| 5xx | NaN | 0% | error: timeout |\n"), md);
  }
}
