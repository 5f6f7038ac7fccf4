package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.time.Duration;

/** The Markdown shown as the workflow's current details in the Temporal UI. */
public final class StatusMarkdown {
  private StatusMarkdown() {}

  public static String render(RolloutPlan plan, RolloutState s, long now) {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(plan.name()).append(" — ").append(s.phase);
    if (s.steering.paused) {
      md.append(" (paused)");
    }
    md.append("\n\n**Mode** `")
        .append(s.mode == null ? "unset" : s.mode.wireName())
        .append("` at ")
        .append(s.percent)
        .append("%");
    if (s.phase == Phase.CANARY) {
      md.append(" · step ")
          .append(s.canary.canaryStep + 1)
          .append(" of ")
          .append(plan.canary().steps().size());
    }
    long window = StatusView.windowTarget(plan, s);
    if (window > 0) {
      md.append("\n\n**Green window** ")
          .append(Duration.ofMillis(StatusView.greenFor(s, now)).toMinutes())
          .append("m of ")
          .append(Duration.ofMillis(window).toMinutes())
          .append("m");
    }
    if (s.steering.paused) {
      md.append("\n\n**Paused:** ").append(s.steering.pauseReason);
    }
    if (s.downgrade.pendingDowngrade != null) {
      md.append("\n\n**Downgrade to warn pending** (attempt ")
          .append(s.downgrade.downgradeAttempts)
          .append(", ")
          .append(s.downgrade.downgradeError)
          .append("): ")
          .append(s.downgrade.pendingDowngrade);
    }
    if (s.canary.enforceHeld != null) {
      md.append("\n\n**ENFORCE held in warn:** ").append(s.canary.enforceHeld);
    }
    if (s.canary.promotionHeld != null) {
      md.append("\n\n**Promotion held:** ").append(s.canary.promotionHeld);
    }
    if (!s.steering.pendingApprovals.isEmpty()) {
      md.append("\n\n**Awaiting approval:** ")
          .append(String.join(", ", s.steering.pendingApprovals));
    }
    if (s.history.notifications.failed > 0) {
      md.append("\n\n**Notifications failed:** ")
          .append(s.history.notifications.failed)
          .append(" of ")
          .append(s.history.notifications.sent)
          .append(" (last: ")
          .append(s.history.notifications.lastFailure)
          .append(")");
    }
    if (!s.gates.gateWindows.isEmpty()) {
      md.append("\n\n| gate | verdict | last | coverage | why |\n|---|---|---|---|---|\n");
      for (GateWindow w : s.gates.gateWindows.values()) {
        row(md, w.gate(), w.verdict(), w.lastValue(), percent(w.coverage()), w.detail());
      }
    } else if (!s.gates.lastReadings.isEmpty()) {
      md.append("\n\n| gate | last | coverage | state |\n|---|---|---|---|\n");
      for (GateSummary g : s.gates.lastReadings) {
        row(
            md,
            g.gate(),
            g.lastValue(),
            percent(g.coverage()),
            g.outcome() == GateSummary.Outcome.ERROR ? "error: " + g.error() : g.outcome());
      }
    }
    if (!s.history.transitions.isEmpty()) {
      Transition last = s.history.transitions.get(s.history.transitions.size() - 1);
      md.append("\n\n**Last transition** ")
          .append(RolloutWording.time(last.atMillis()))
          .append(": ")
          .append(last.reason());
    }
    return md.toString();
  }

  /** One row of a Markdown table: {@code | a | b | c |}. */
  private static void row(StringBuilder md, Object... cells) {
    md.append("| ");
    for (int i = 0; i < cells.length; i++) {
      md.append(i == 0 ? "" : " | ").append(cells[i]);
    }
    md.append(" |\n");
  }

  /** A coverage fraction as a whole percent, as the tables show it. */
  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }
}
