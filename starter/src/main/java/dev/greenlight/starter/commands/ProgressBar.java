package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.migration.MigrationProgress;
import dev.greenlight.starter.ProgressOption;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A migration's progress: bar, rows, rate and ETA. On a terminal one line redrawn in place after
 * each batch; elsewhere (a pipe, a file) a plain line at each further tenth done, so a log gets ten
 * lines, not one per batch or a line full of {@code \r} frames; nothing with {@code --no-progress}
 * or {@code --json}.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean redraw;
  private final boolean plain;
  private int tenthsPrinted = -1;
  private boolean drawn;

  private ProgressBar(PrintWriter out, boolean redraw, boolean plain) {
    this.out = out;
    this.redraw = redraw;
    this.plain = plain;
  }

  /** A bar on {@code out} as {@code progress} allows; null {@code progress}: draws nothing. */
  static ProgressBar to(PrintWriter out, ProgressOption progress) {
    if (progress == null || progress.noProgress) {
      return new ProgressBar(out, false, false);
    }
    boolean redraw = progress.redraws();
    return new ProgressBar(out, redraw, !redraw);
  }

  void draw(MigrationProgress p) {
    if (redraw) {
      out.print("\r" + line(p));
      out.flush();
      drawn = true;
    } else if (plain) {
      int tenths = (int) Math.floor(p.fractionDone() * 10);
      if (tenths > tenthsPrinted) {
        tenthsPrinted = tenths;
        out.println(line(p));
        out.flush();
      }
    }
  }

  /** Ends the redrawn line, so what follows starts on a line of its own. */
  void finish() {
    if (drawn) {
      out.println();
      out.flush();
    }
  }

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

  private static String format(Duration d) {
    return d.toHours() > 0
        ? d.toHours() + "h" + d.toMinutesPart() + "m"
        : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
  }
}
