package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.validator.ValidationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's inline SVG charts: phase timeline, mode over time, gates, migration progress. */
final class Charts {
  private static final Map<Phase, String> PHASE_COLOURS =
      Map.ofEntries(
          Map.entry(Phase.PREFLIGHT, "#94a3b8"),
          Map.entry(Phase.OFF, "#cbd5e1"),
          Map.entry(Phase.WARN, "#fbbf24"),
          Map.entry(Phase.NORMALIZE, "#60a5fa"),
          Map.entry(Phase.CANARY, "#34d399"),
          Map.entry(Phase.ROLLED_BACK, "#f87171"),
          Map.entry(Phase.SOAK, "#10b981"),
          Map.entry(Phase.WARN_EXIT, "#059669"),
          Map.entry(Phase.COMPLETED, "#047857"),
          Map.entry(Phase.NEEDS_ATTENTION, "#f97316"),
          Map.entry(Phase.STOPPED, "#ef4444"),
          Map.entry(Phase.ABORTED, "#ef4444"));

  private Charts() {}

  /** One coloured band per stretch of a phase, labelled when wide enough. */
  static String phases(TimeAxis axis, List<Transition> transitions) {
    StringBuilder s = svg(60);
    for (int i = 0; i < transitions.size(); i++) {
      Transition t = transitions.get(i);
      if (i > 0 && transitions.get(i - 1).phase() == t.phase()) {
        continue;
      }
      long end = axis.end();
      for (int j = i + 1; j < transitions.size(); j++) {
        if (transitions.get(j).phase() != t.phase()) {
          end = transitions.get(j).atMillis();
          break;
        }
      }
      double x0 = axis.x(t.atMillis());
      double w = Math.max(2, axis.x(end) - x0);
      Svg.titledRect(
          s, x0, 8, w, 28, "rx='3' fill='" + PHASE_COLOURS.get(t.phase()) + "'", t.phase().name());
      if (w > 48) {
        s.append("<text x='")
            .append(Svg.num(x0 + 4))
            .append("' y='27' class='band'>")
            .append(t.phase().name().replace('_', ' '))
            .append("</text>");
      }
    }
    return s.append(axis.ticks(8, 40)).append("</svg>").toString();
  }

  /** Enforcement percentage as a step line over bands coloured by mode. */
  static String mode(TimeAxis axis, List<Transition> transitions) {
    int top = 10;
    int bottom = 110;
    StringBuilder s = svg(140);
    List<Transition> flips = new ArrayList<>();
    for (Transition t : transitions) {
      if (flips.isEmpty()
          || flips.get(flips.size() - 1).mode() != t.mode()
          || flips.get(flips.size() - 1).percent() != t.percent()) {
        flips.add(t);
      }
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < flips.size(); i++) {
      Transition t = flips.get(i);
      long end = i + 1 < flips.size() ? flips.get(i + 1).atMillis() : axis.end();
      double x0 = axis.x(t.atMillis());
      double x1 = axis.x(end);
      String fill =
          t.mode() == null
              ? "#f1f5f9"
              : switch (t.mode()) {
                case OFF -> "#e2e8f0";
                case WARN -> "#fef3c7";
                case ENFORCE -> "#d1fae5";
              };
      Svg.titledRect(
          s,
          x0,
          top,
          Math.max(1, x1 - x0),
          bottom - top,
          "fill='" + fill + "'",
          (t.mode() == null ? "unset" : t.mode().wireName()) + " " + t.percent() + "%");
      double pct = t.mode() == ValidationMode.ENFORCE ? t.percent() : 0;
      double y = bottom - pct / 100 * (bottom - top);
      line.append(i == 0 ? "M" : "L").append(Svg.num(x0)).append(',').append(Svg.num(y));
      line.append("L").append(Svg.num(x1)).append(',').append(Svg.num(y));
    }
    s.append("<path d='").append(line).append("' class='mode'/>");
    for (int p : new int[] {0, 50, 100}) {
      double y = bottom - p / 100.0 * (bottom - top);
      s.append("<text x='")
          .append(TimeAxis.LEFT - 6)
          .append("' y='")
          .append(Svg.num(y + 4))
          .append("' class='tick' text-anchor='end'>")
          .append(p)
          .append("%</text>");
    }
    return s.append(axis.ticks(top, bottom)).append("</svg>").toString();
  }

  /** One query's readings against the thresholds of every gate that reads it; errors in red. */
  static String gate(TimeAxis axis, List<MetricScript.Reading> readings, List<GateSpec> gates) {
    int top = 10;
    int bottom = 130;
    double max = 0;
    for (MetricScript.Reading r : readings) {
      if (!r.error() && !Double.isNaN(r.value())) {
        max = Math.max(max, r.value());
      }
    }
    for (GateSpec g : gates) {
      max = Math.max(max, g.threshold() * 1.6);
      if (g.breachThreshold() != null) {
        max = Math.max(max, g.breachThreshold() * 1.3);
      }
    }
    final double yMax = max == 0 ? 1 : max;
    StringBuilder s = svg(160);
    for (GateSpec g : gates) {
      threshold(
          s,
          axis,
          bottom - g.threshold() / yMax * (bottom - top),
          "threshold " + Svg.label(g.threshold()),
          "thr");
      if (g.breachThreshold() != null && g.breachThreshold() != g.threshold()) {
        threshold(
            s,
            axis,
            bottom - g.breachThreshold() / yMax * (bottom - top),
            "breach " + Svg.label(g.breachThreshold()),
            "breach");
      }
    }
    StringBuilder path = new StringBuilder();
    long lastAt = 0;
    double lastX = -1;
    boolean penUp = true;
    for (MetricScript.Reading r : readings) {
      double x = axis.x(r.atMillis());
      if (r.error() || Double.isNaN(r.value())) {
        s.append("<line x1='")
            .append(Svg.num(x))
            .append("' x2='")
            .append(Svg.num(x))
            .append("' y1='")
            .append(bottom - 8)
            .append("' y2='")
            .append(bottom)
            .append("' class='err'/>");
        penUp = true;
        continue;
      }
      // A gap of more than two hours means the gate was not being read: lift the pen.
      boolean move = penUp || r.atMillis() - lastAt > 7_200_000L;
      if (!move && x - lastX < 0.5) {
        continue;
      }
      double y = bottom - Math.min(r.value(), yMax) / yMax * (bottom - top);
      path.append(move ? "M" : "L").append(Svg.num(x)).append(',').append(Svg.num(y));
      // Dots where a line alone would vanish: a lone reading, or one past the first threshold.
      boolean red = !gates.isEmpty() && !gates.get(0).isGreen(r.value());
      if (move || red) {
        s.append("<circle cx='")
            .append(Svg.num(x))
            .append("' cy='")
            .append(Svg.num(y))
            .append("' r='2.5' class='")
            .append(red ? "red" : "dot")
            .append("'/>");
      }
      lastAt = r.atMillis();
      lastX = x;
      penUp = false;
    }
    s.append("<path d='").append(path).append("' class='series'/>");
    yAxisLabels(s, top, bottom, Svg.label(yMax));
    return s.append(axis.ticks(top, bottom)).append("</svg>").toString();
  }

  /** The y axis's two labels, left of the plot: {@code max} at its top and 0 at its bottom. */
  private static void yAxisLabels(StringBuilder s, int top, int bottom, String max) {
    s.append("<text x='")
        .append(TimeAxis.LEFT - 6)
        .append("' y='")
        .append(top + 8)
        .append("' class='tick' text-anchor='end'>")
        .append(max)
        .append("</text>");
    s.append("<text x='")
        .append(TimeAxis.LEFT - 6)
        .append("' y='")
        .append(bottom)
        .append("' class='tick' text-anchor='end'>0</text>");
  }

  private static void threshold(
      StringBuilder s, TimeAxis axis, double y, String label, String css) {
    s.append("<line x1='")
        .append(TimeAxis.LEFT)
        .append("' x2='")
        .append(TimeAxis.WIDTH - TimeAxis.RIGHT)
        .append("' y1='")
        .append(Svg.num(y))
        .append("' y2='")
        .append(Svg.num(y))
        .append("' class='")
        .append(css)
        .append("'/>");
    s.append("<text x='")
        .append(TimeAxis.WIDTH - TimeAxis.RIGHT - 4)
        .append("' y='")
        .append(Svg.num(y - 3))
        .append("' class='tick ")
        .append(css)
        .append("l' text-anchor='end'>")
        .append(Svg.esc(label))
        .append("</text>");
  }

  /** Rows done after each committed batch, crashes marked. */
  static String migration(List<RehearsalData.Progress> progress) {
    int top = 10;
    int bottom = 130;
    StringBuilder s = svg(160);
    if (progress.isEmpty()) {
      return s.append("<text x='80' y='70' class='tick'>the migration did not run</text></svg>")
          .toString();
    }
    long total =
        progress.stream().mapToLong(RehearsalData.Progress::estimatedTotal).max().orElse(1);
    double slot = (double) (TimeAxis.WIDTH - TimeAxis.LEFT - TimeAxis.RIGHT) / progress.size();
    for (int i = 0; i < progress.size(); i++) {
      RehearsalData.Progress p = progress.get(i);
      double h = (double) p.rowsDone() / Math.max(1, total) * (bottom - top);
      double x = TimeAxis.LEFT + i * slot;
      Svg.titledRect(
          s,
          x + 1,
          bottom - h,
          Math.max(1, slot - 2),
          h,
          p.crashed() ? "class='crash'" : "class='batch'",
          "attempt "
              + p.attempt()
              + ", batch "
              + p.batch()
              + ": "
              + p.rowsDone()
              + " rows done, checkpoint "
              + p.lastId()
              + (p.crashed() ? " — crashed here" : ""));
    }
    yAxisLabels(s, top, bottom, String.valueOf(total));
    s.append("<text x='")
        .append(TimeAxis.LEFT)
        .append("' y='")
        .append(bottom + 18)
        .append(
            "' class='tick'>committed batches in order (red: the attempt crashed after it)</text>");
    return s.append("</svg>").toString();
  }

  private static StringBuilder svg(int height) {
    return new StringBuilder("<svg viewBox='0 0 ")
        .append(TimeAxis.WIDTH)
        .append(' ')
        .append(height)
        .append("' xmlns='http://www.w3.org/2000/svg' role='img'>");
  }
}
