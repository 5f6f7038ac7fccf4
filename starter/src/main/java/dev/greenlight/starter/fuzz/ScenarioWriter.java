package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.plan.HumanDurations;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import dev.greenlight.starter.rehearse.Trigger;
import java.time.Duration;

/**
 * Writes a {@link Scenario} as the YAML {@code ScenarioLoader} reads (format in {@code
 * plans/scenarios/README.md}), so a fuzz finding replays with {@code greenlight rehearse --scenario
 * FILE}.
 */
final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The scenario as YAML, preceded by {@code comment} lines. */
  static String yaml(Scenario s, String comment) {
    StringBuilder y = new StringBuilder();
    for (String line : comment.split("\n")) {
      y.append("# ").append(line).append('\n');
    }
    y.append("name: ").append(quote(s.name())).append('\n');
    y.append("description: ").append(quote(s.description())).append('\n');
    y.append("expect: ").append(s.expect()).append('\n');
    y.append("horizon: ").append(duration(s.horizon())).append('\n');
    y.append("migrationCrashes: ").append(s.migrationCrashes()).append('\n');
    y.append("events:\n");
    for (ScenarioEvent e : s.events()) {
      y.append("  - ");
      if (e.at() != null) {
        y.append("at: ").append(duration(e.at())).append('\n');
      } else {
        y.append("on: ").append(trigger(e.on())).append('\n');
        y.append("    after: ").append(duration(e.after())).append('\n');
      }
      action(y, e.action());
    }
    return y.toString();
  }

  private static void action(StringBuilder y, ScenarioEvent.Action action) {
    String pad = "    ";
    if (action instanceof ScenarioEvent.MetricChange m) {
      y.append(pad).append("metric: ").append(m.gate()).append('\n');
      y.append(pad)
          .append("value: ")
          .append(
              switch (m.kind()) {
                case VALUE -> Double.toString(m.value());
                case MISSING -> "missing";
                case ERROR -> "error";
                case HEALTHY -> "healthy";
              })
          .append('\n');
    } else if (action instanceof ScenarioEvent.Alert a) {
      y.append(pad).append("alert: ").append(a.name()).append('\n');
      if (a.summary() != null) {
        y.append(pad).append("summary: ").append(quote(a.summary())).append('\n');
      }
    } else if (action instanceof ScenarioEvent.Command c) {
      y.append(pad).append("command: ").append(c.command()).append('\n');
      if (c.step() != null) {
        y.append(pad).append("step: ").append(c.step()).append('\n');
      }
      if (c.days() != 0) {
        y.append(pad).append("days: ").append(c.days()).append('\n');
      }
      if (c.force()) {
        y.append(pad).append("force: true\n");
      }
      y.append(pad).append("who: ").append(quote(c.who())).append('\n');
      y.append(pad).append("why: ").append(quote(c.why())).append('\n');
    } else if (action instanceof ScenarioEvent.Fault f) {
      y.append(pad).append("fault: ").append(f.kind()).append('\n');
      if (f.duration() != null) {
        y.append(pad).append("for: ").append(duration(f.duration())).append('\n');
      }
    }
  }

  private static String trigger(Trigger t) {
    StringBuilder s = new StringBuilder("{");
    if (t.phase() != null) {
      s.append("phase: ").append(t.phase().name());
    }
    if (t.percent() != null) {
      s.append(s.length() > 1 ? ", " : "").append("percent: ").append(t.percent());
    }
    if (t.pending() != null) {
      s.append(s.length() > 1 ? ", " : "").append("pending: ").append(t.pending());
    }
    if (t.reason() != null) {
      s.append(s.length() > 1 ? ", " : "").append("reason: ").append(quote(t.reason()));
    }
    return s.append('}').toString();
  }

  private static String duration(Duration d) {
    return HumanDurations.format(d);
  }

  /** A YAML double-quoted scalar. */
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
