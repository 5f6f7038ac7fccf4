package dev.greenlight.starter.rehearse;

/**
 * Maps simulated time onto the x axis every chart of a report shares, so a phase, a mode flip and a
 * gate reading at the same instant line up vertically.
 */
final class TimeAxis {
  static final int LEFT = 70;
  static final int WIDTH = 1000;
  static final int RIGHT = 20;

  private final long start;
  private final long span;

  TimeAxis(long start, long end) {
    this.start = start;
    this.span = Math.max(1, end - start);
  }

  double x(long millis) {
    return LEFT + (double) (millis - start) / span * (WIDTH - LEFT - RIGHT);
  }

  long start() {
    return start;
  }

  long end() {
    return start + span;
  }

  /** Day ticks and labels along {@code y}, with faint grid lines up to {@code top}. */
  String ticks(int top, int y) {
    StringBuilder s = new StringBuilder();
    double days = span / 86_400_000.0;
    // About a dozen ticks whatever the span, so a long rehearsal never draws a wall of lines.
    int every = (int) Math.max(1, Math.ceil(days / 12));
    for (int d = 0; d <= days; d += every) {
      double x = x(start + d * 86_400_000L);
      s.append("<line x1='")
          .append(Svg.num(x))
          .append("' x2='")
          .append(Svg.num(x))
          .append("' y1='")
          .append(top)
          .append("' y2='")
          .append(y)
          .append("' class='grid'/>");
      s.append("<text x='")
          .append(Svg.num(x))
          .append("' y='")
          .append(y + 14)
          .append("' class='tick' text-anchor='middle'>d")
          .append(d)
          .append("</text>");
    }
    return s.toString();
  }
}
