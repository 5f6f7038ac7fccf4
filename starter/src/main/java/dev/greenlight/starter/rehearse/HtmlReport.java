package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rehearsal as one self-contained HTML page — inline CSS and SVG, no scripts, nothing fetched —
 * with the phase timeline, the mode over time, each gate's readings against its thresholds, the
 * migration's progress and every transition and scenario action.
 */
public final class HtmlReport {
  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#0f172a;background:#f8fafc}
      main{max-width:1060px;margin:0 auto;padding:24px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
      .sub{color:#475569;margin:0 0 16px}
      .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}
      .card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 12px}
      .card b{display:block;font-size:20px}.card span{color:#64748b;font-size:12px}
      .outcome-COMPLETED{color:#047857}.outcome-ABORTED,.outcome-STOPPED,.outcome-UNFINISHED{color:#b91c1c}
      .outcome-NEEDS_ATTENTION{color:#c2410c}
      section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 14px;margin-top:12px}
      svg{width:100%;height:auto;display:block}
      .grid{stroke:#e2e8f0;stroke-width:1}.tick{font-size:11px;fill:#64748b}
      .band{font-size:11px;fill:#0f172a;font-weight:600}
      .mode{fill:none;stroke:#047857;stroke-width:2}
      .series{fill:none;stroke:#2563eb;stroke-width:1.5}
      .thr{stroke:#16a34a;stroke-dasharray:6 4}.thrl{fill:#16a34a}
      .breach{stroke:#dc2626;stroke-dasharray:3 3}.breachl{fill:#dc2626}
      .err{stroke:#dc2626;stroke-width:2}.dot{fill:#2563eb}.red{fill:#dc2626}
      .batch{fill:#60a5fa}.crash{fill:#dc2626}
      .q{font:12px ui-monospace,monospace;color:#475569;word-break:break-all}
      table{border-collapse:collapse;width:100%;font-size:13px}
      td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #f1f5f9;vertical-align:top}
      th{color:#475569;font-weight:600}td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
      """;

  private HtmlReport() {}

  public static String render(Rehearsal.Outcome outcome) {
    RehearsalResult r = outcome.result();
    long end = Math.max(outcome.endMillis(), outcome.startMillis() + 86_400_000L);
    TimeAxis axis = new TimeAxis(outcome.startMillis(), end);
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>");
    h.append("<title>Rehearsal: ")
        .append(Svg.esc(r.plan()))
        .append(" / ")
        .append(Svg.esc(r.scenario()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body><main>");
    h.append("<h1>Rehearsal of ").append(Svg.esc(r.plan())).append("</h1>");
    h.append("<p class='sub'>scenario <b>")
        .append(Svg.esc(r.scenario()))
        .append("</b> — ")
        .append(Svg.esc(r.reason()))
        .append("</p>");
    h.append("<div class='cards'>");
    card(h, "<span class='outcome-" + r.outcome() + "'>" + r.outcome() + "</span>", "outcome");
    card(h, String.format("%.1f days", r.simulatedDays()), "simulated");
    card(h, String.format("%.1f s", r.wallSeconds()), "wall time");
    card(h, Integer.toString(r.modeFlips()), "mode flips (" + r.rollbacks() + " rollbacks)");
    card(h, r.rowsMigrated() + " / " + r.rowsSeeded(), "rows migrated / seeded");
    card(h, Long.toString(r.maxEventsPerRun()), "max events per run (" + r.runs() + " runs)");
    h.append("</div>");
    h.append("<h2>Phases</h2><section id='phases'>")
        .append(Charts.phases(axis, outcome.transitions()))
        .append("</section>");
    h.append("<h2>Mode</h2><section id='mode'>")
        .append(Charts.mode(axis, outcome.transitions()))
        .append("</section>");
    h.append("<h2>Gates</h2>");
    for (Map.Entry<String, List<GateSpec>> q : gatesByQuery(outcome.plan()).entrySet()) {
      List<String> names = q.getValue().stream().map(GateSpec::name).distinct().toList();
      h.append("<section class='gate'><b>")
          .append(Svg.esc(String.join(" / ", names)))
          .append("</b><div class='q'>")
          .append(Svg.esc(q.getKey()))
          .append("</div>")
          .append(Charts.gate(axis, outcome.metrics().readings(q.getKey()), q.getValue()))
          .append("</section>");
    }
    h.append("<h2>Migration</h2><section id='migration'>")
        .append(Charts.migration(outcome.migration()))
        .append("</section>");
    h.append("<h2>Transitions</h2><section><table id='transitions'><tr><th>sim time</th>")
        .append("<th>phase</th><th>mode</th><th>why</th></tr>");
    for (RehearsalResult.TransitionLine t : r.transitions()) {
      row(h, t.offsetMillis(), t.phase(), t.mode() + " " + t.percent() + "%", t.reason());
    }
    h.append("</table></section>");
    h.append("<h2>Scenario actions</h2><section><table id='actions'><tr><th>sim time</th>")
        .append("<th>action</th><th>result</th></tr>");
    for (RehearsalResult.ActionLine a : r.actions()) {
      row(h, a.offsetMillis(), a.action(), a.result());
    }
    h.append("</table></section></main></body></html>\n");
    return h.toString();
  }

  /** A row of the report's tables: when in simulated time, then each cell as escaped text. */
  private static void row(StringBuilder h, long offsetMillis, String... cells) {
    h.append("<tr><td class='t'>").append(SimTime.offset(offsetMillis));
    for (String cell : cells) {
      h.append("</td><td>").append(Svg.esc(cell));
    }
    h.append("</td></tr>");
  }

  private static void card(StringBuilder h, String value, String label) {
    h.append("<div class='card'><b>")
        .append(value)
        .append("</b><span>")
        .append(Svg.esc(label))
        .append("</span></div>");
  }

  /** Gates grouped by query, in runbook order: several gates may read the same query. */
  private static Map<String, List<GateSpec>> gatesByQuery(RolloutPlan plan) {
    List<GateSpec> all = new ArrayList<>();
    all.add(plan.off().requestsPerEndpoint());
    all.add(plan.warn().unknownRate());
    all.add(plan.warn().enforceBlock());
    all.addAll(plan.canary().gates());
    all.add(plan.warnExit().unknownRate());
    Map<String, List<GateSpec>> byQuery = new LinkedHashMap<>();
    for (GateSpec g : all) {
      byQuery.computeIfAbsent(g.query(), q -> new ArrayList<>()).add(g);
    }
    return byQuery;
  }
}
