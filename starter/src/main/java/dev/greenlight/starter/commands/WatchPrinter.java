package dev.greenlight.starter.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.Transition;
import dev.greenlight.starter.JsonOutput;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * How {@code watch} shows each refresh and the end: redrawn in place (a terminal), as plain lines
 * (a pipe or file: the table once, then one line per new transition), or as JSON lines.
 */
abstract class WatchPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  final PrintWriter out;
  final String workflowId;

  private WatchPrinter(PrintWriter out, String workflowId) {
    this.out = out;
    this.workflowId = workflowId;
  }

  abstract void status(RolloutStatus status);

  void end(WatchOutcome outcome, RolloutStatus last) {
    String reason = last == null || last.outcomeReason() == null ? "" : ": " + last.outcomeReason();
    out.printf("watch: %s, exit %d (%s)%s%n", outcome, outcome.exitCode, outcome.meaning, reason);
    out.flush();
  }

  /** The table, the screen cleared before each refresh. */
  static WatchPrinter redrawn(PrintWriter out, String workflowId) {
    return new WatchPrinter(out, workflowId) {
      @Override
      void status(RolloutStatus status) {
        out.print("\033[H\033[2J");
        StatusTable.print(out, workflowId, status);
      }
    };
  }

  /** The table once, then each transition not shown yet as one line; nothing is redrawn. */
  static WatchPrinter plainLines(PrintWriter out, String workflowId) {
    return new WatchPrinter(out, workflowId) {
      private Transition lastShown;
      private boolean tableShown;

      @Override
      void status(RolloutStatus status) {
        List<Transition> ts = status.transitions();
        if (!tableShown) {
          StatusTable.print(out, workflowId, status);
          tableShown = true;
        } else {
          for (Transition t : ts.subList(firstNew(ts), ts.size())) {
            out.printf(
                "%s  %-10s %s %d%%  %s%n",
                Instant.ofEpochMilli(t.atMillis()),
                t.phase(),
                t.mode() == null ? "unset" : t.mode().wireName(),
                t.percent(),
                t.reason());
          }
          out.flush();
        }
        if (!ts.isEmpty()) {
          lastShown = ts.get(ts.size() - 1);
        }
      }

      /** Index of the first transition after the last one shown (the oldest are dropped). */
      private int firstNew(List<Transition> ts) {
        for (int i = ts.size() - 1; i >= 0; i--) {
          if (ts.get(i).equals(lastShown)) {
            return i + 1;
          }
        }
        int i = 0;
        while (lastShown != null && i < ts.size() && ts.get(i).atMillis() <= lastShown.atMillis()) {
          i++;
        }
        return i;
      }
    };
  }

  /**
   * One line of JSON per refresh, {@code "event": "status"} with the whole status and what each
   * pending approval is about, and a last line {@code "event": "end"} with the outcome and exit
   * code.
   */
  static WatchPrinter jsonLines(PrintWriter out, String workflowId) {
    return new WatchPrinter(out, workflowId) {
      @Override
      void status(RolloutStatus status) {
        ObjectNode line =
            JSON.createObjectNode().put("event", "status").put("workflowId", workflowId);
        line.setAll(StatusJson.of(status));
        JsonOutput.print(out, line);
      }

      @Override
      void end(WatchOutcome outcome, RolloutStatus last) {
        ObjectNode line =
            JSON.createObjectNode()
                .put("event", "end")
                .put("workflowId", workflowId)
                .put("outcome", outcome.name())
                .put("exitCode", outcome.exitCode)
                .put("meaning", outcome.meaning);
        line.put("phase", last == null ? null : last.phase().name());
        line.put("reason", last == null ? null : last.outcomeReason());
        JsonOutput.print(out, line);
      }
    };
  }
}
