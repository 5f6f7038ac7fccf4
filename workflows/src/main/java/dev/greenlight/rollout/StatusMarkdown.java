package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Duration;

/** The Markdown shown as the workflow's current details in the Temporal UI. */
final class StatusMarkdown {
  private StatusMarkdown() {}

  static String render(RolloutPlan plan, RolloutState s, long now) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(plan.name()).append(" — ").append(s.phase);
    if (s.paused) {
      md.append(" (paused)");
    }
    md.append("\n\n**Mode** `")
        .append(s.mode == null ? "unset" : s.mode.wireName())
        .append("` at ")
        .append(s.percent)
        .append("%");
    if (s.phase == Phase.CANARY) {
      md.append(" · step ")
          .append(s.canaryStep + 1)
          .append(" of ")
          .append(plan.canary().steps().size());
    }
    long window = StatusView.windowTarget(plan, s);
    if (window > 0) {
      md.append("\n\n**Green window** ")
          .append(Duration.ofMillis(GreenWindow.greenFor(s, now)).toMinutes())
          .append("m of ")
          .append(Duration.ofMillis(window).toMinutes())
          .append("m");
    }
    if (s.paused) {
      md.append("\n\n**Paused:** ").append(s.pauseReason);
    }
    if (!s.pendingApprovals.isEmpty()) {
      md.append("\n\n**Awaiting approval:** ").append(String.join(", ", s.pendingApprovals));
    }
    if (!s.lastReadings.isEmpty()) {
      md.append("\n\n| gate | last | coverage | state |\n|---|---|---|---|\n");
      for (GateSummary g : s.lastReadings) {
        md.append("| ")
            .append(g.gate())
            .append(" | ")
            .append(g.lastValue())
            .append(" | ")
            .append(Math.round(g.coverage() * 100))
            .append("% | ")
            .append(g.outcome() == GateSummary.Outcome.ERROR ? "error: " + g.error() : g.outcome())
            .append(" |\n");
      }
    }
    if (!s.transitions.isEmpty()) {
      Transition last = s.transitions.get(s.transitions.size() - 1);
      md.append("\n\n**Last transition** ")
          .append(RolloutContext.formatTime(last.atMillis()))
          .append(": ")
          .append(last.reason());
    }
    return md.toString();
  }
}
