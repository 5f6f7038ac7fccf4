package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.migration.MigrationProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** Draws a migration's progress on one line: bar, rows, rate and ETA, redrawn after each batch. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private ProgressBar() {}

  static String line(MigrationProgress p) {
    int filled = (int) Math.round(p.fractionDone() * WIDTH);
    String eta = p.etaMillis() < 0 ? "?" : format(Duration.ofMillis(p.etaMillis()));
    return String.format(
        "[%s%s] %5.1f%%  %d/%d rows  %.0f rows/s  ETA %s",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        p.fractionDone() * 100,
        p.rowsDone(),
        p.estimatedTotal(),
        p.rowsPerSecond(),
        eta);
  }

  static void draw(PrintWriter out, MigrationProgress p) {
    out.print("\r" + line(p));
    out.flush();
  }

  private static String format(Duration d) {
    return d.toHours() > 0
        ? d.toHours() + "h" + d.toMinutesPart() + "m"
        : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
  }
}
