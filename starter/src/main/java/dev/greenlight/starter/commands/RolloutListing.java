package dev.greenlight.starter.commands;

import java.io.PrintWriter;
import java.util.List;

/**
 * One rollout run as {@code greenlight list} shows it: its execution and the search attributes the
 * workflow last upserted ({@code null} before it wrote any). Also its {@code --json} shape.
 *
 * @param status Temporal's execution status: RUNNING, COMPLETED, CONTINUED_AS_NEW, …
 * @param startTime and {@code closeTime}: ISO-8601 instants; {@code closeTime} null while running
 */
public record RolloutListing(
    String workflowId,
    String runId,
    String status,
    String phase,
    String mode,
    Long percent,
    String startTime,
    String closeTime) {

  static void printTable(PrintWriter out, List<RolloutListing> rollouts) {
    if (rollouts.isEmpty()) {
      out.println("no rollouts");
      return;
    }
    String format = "%-40s %-16s %-15s %-8s %7s  %s%n";
    out.printf(format, "WORKFLOW ID", "STATUS", "PHASE", "MODE", "PERCENT", "STARTED");
    for (RolloutListing r : rollouts) {
      out.printf(
          format,
          r.workflowId(),
          r.status(),
          orDash(r.phase()),
          orDash(r.mode()),
          r.percent() == null ? "-" : r.percent() + "%",
          r.startTime());
    }
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
