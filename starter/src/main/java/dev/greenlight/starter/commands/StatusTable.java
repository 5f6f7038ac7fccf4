package dev.greenlight.starter.commands;

import dev.greenlight.rollout.GateWindow;
import dev.greenlight.rollout.NotificationCounts;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.gates.GateSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Prints a rollout's status as the readable table {@code status} and {@code watch} show. */
final class StatusTable {
  private StatusTable() {}

  static void print(PrintWriter out, String workflowId, RolloutStatus s) {
    out.printf("%-22s %s%n", "rollout", workflowId + " (" + s.plan() + ")");
    out.printf(
        "%-22s %s%s%n",
        "phase",
        s.phase(),
        s.paused()
            ? "  PAUSED ("
                + (s.pauseCause() == null
                    ? "manual"
                    : s.pauseCause().toLowerCase(java.util.Locale.ROOT))
                + "): "
                + s.pauseReason()
            : "");
    out.printf(
        "%-22s %s%n",
        "mode", (s.mode() == null ? "unset" : s.mode().wireName()) + " " + s.percent() + "%");
    out.printf("%-22s %s%n", "in phase for", human(s.nowMillis() - s.phaseStartedAtMillis()));
    if (s.windowTargetMillis() > 0) {
      out.printf(
          "%-22s %s of %s%n",
          "green window", human(s.greenWindowMillis()), human(s.windowTargetMillis()));
    }
    if (s.phaseRemainingMillis() > 0) {
      out.printf("%-22s %s%n", "at least", human(s.phaseRemainingMillis()) + " to go");
    }
    out.printf(
        "%-22s %s%n",
        "pending approvals",
        s.pendingApprovals().isEmpty() ? "none" : String.join(", ", s.pendingApprovals()));
    for (ApprovalView approval : ApprovalView.of(s)) {
      printApproval(out, approval);
    }
    if (s.enforceBlocked()) {
      out.printf("%-22s %s%n", "ENFORCE", "blocked by the unknown rate");
    }
    if (s.enforceHeld() != null) {
      out.printf("%-22s %s%n", "ENFORCE held", s.enforceHeld());
    }
    if (s.promotionHeld() != null) {
      out.printf("%-22s %s%n", "promotion held", s.promotionHeld());
    }
    if (s.pendingDowngrade() != null) {
      out.printf(
          "%-22s %s (attempt %d failed: %s)%n",
          "downgrade pending", s.pendingDowngrade(), s.downgradeAttempts(), s.downgradeError());
    }
    out.printf(
        "%-22s %d (%d gate errors in a row)%n",
        "rollbacks", s.rollbacks(), s.consecutiveGateErrors());
    out.printf("%-22s %d events (run %d)%n", "history", s.historyLength(), s.runs());
    printNotifications(out, s.notifications());
    if (s.gateWindows() != null && !s.gateWindows().isEmpty()) {
      out.printf(
          "%n%-22s %-12s %-12s %-8s %s%n", "gate", "verdict", "last value", "coverage", "why");
      for (GateWindow w : s.gateWindows()) {
        out.printf(
            "%-22s %-12s %-12.6g %5.0f%%   %s%n",
            w.gate(), w.verdict(), w.lastValue(), w.coverage() * 100, w.detail());
      }
    } else if (!s.lastReadings().isEmpty()) {
      out.printf("%n%-22s %-8s %-12s %-8s%n", "gate", "outcome", "last value", "coverage");
      for (GateSummary g : s.lastReadings()) {
        out.printf(
            "%-22s %-8s %-12.6g %5.0f%%%s%n",
            g.gate(),
            g.outcome(),
            g.lastValue(),
            g.coverage() * 100,
            g.error() == null ? "" : "  " + g.error());
      }
    }
    List<Transition> ts = s.transitions();
    out.printf("%nlast transitions%n");
    for (Transition t : ts.subList(Math.max(0, ts.size() - 8), ts.size())) {
      out.printf("  %s  %-10s %s%n", Instant.ofEpochMilli(t.atMillis()), t.phase(), t.reason());
    }
    out.flush();
  }

  /**
   * How the plan's notifications fared; nothing when none were sent, so a plan without sinks reads
   * as before. A failure for good is shown with its cause: the rollout went on without it, and the
   * team it was meant for does not know.
   */
  private static void printNotifications(PrintWriter out, NotificationCounts n) {
    if (n == null || n.sent() == 0) {
      return;
    }
    out.printf(
        "%-22s %d sent, %d delivered, %d failed for good, %d being tried%n",
        "notifications", n.sent(), n.delivered(), n.failed(), n.inFlight());
    if (n.lastFailure() != null) {
      out.printf("%-22s %s%n", "  last failure", n.lastFailure());
    }
  }

  /** One pending approval: why it is asked for, then the evidence, one line per value. */
  private static void printApproval(PrintWriter out, ApprovalView approval) {
    out.printf(
        "  %-20s %s%n",
        approval.step(), approval.why() == null ? "(no reason recorded)" : approval.why());
    approval
        .details()
        .forEach(
            (label, value) -> {
              List<?> lines = value instanceof List<?> list ? list : List.of(value);
              for (int i = 0; i < lines.size(); i++) {
                out.printf("    %-18s %s%n", i == 0 ? label : "", lines.get(i));
              }
              if (lines.isEmpty()) {
                out.printf("    %-18s %s%n", label, "none");
              }
            });
  }

  static String human(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    if (d.toDays() > 0) {
      return d.toDays() + "d " + d.toHoursPart() + "h";
    }
    return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m" : d.toMinutes() + "m";
  }
}
