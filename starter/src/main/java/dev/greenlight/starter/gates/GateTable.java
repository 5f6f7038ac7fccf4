package dev.greenlight.starter.gates;

import dev.greenlight.rollout.plan.GateSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code greenlight plan gates} shows readings: a table for people, a map for JSON. */
public final class GateTable {
  private GateTable() {}

  /** One line per query, then why each failed or found nothing, then the count. */
  public static void print(PrintWriter out, List<GateReading> readings) {
    String format = "%-9s %-24s %12s %12s  %s%n";
    out.printf(format, "PHASE", "GATE", "VALUE", "THRESHOLD", "VERDICT");
    for (GateReading r : readings) {
      String verdict = r.verdict().label();
      if (r.pastBreachThreshold()) {
        verdict += ", past breach threshold " + number(r.gate().breachThreshold());
      }
      out.printf(format, r.phase(), r.name(), value(r), threshold(r.gate()), verdict);
    }
    for (GateReading r : readings) {
      if (r.verdict() == GateReading.Verdict.ERROR) {
        out.printf("%s %s failed: %s%n", r.phase(), r.name(), r.error());
      } else if (r.verdict() == GateReading.Verdict.NO_DATA) {
        out.printf("%s %s returned no data: %s%n", r.phase(), r.name(), r.query());
      }
    }
    long withData = readings.stream().filter(GateReading::hasData).count();
    out.printf(
        "%d of %d queries answered with data%s%n",
        withData,
        readings.size(),
        withData == readings.size() ? "" : "; the others need fixing or traffic before start");
    out.flush();
  }

  /** A reading as JSON-ready values: numbers stay numbers, NaN is null, infinities are text. */
  public static Map<String, Object> json(GateReading r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("phase", r.phase());
    row.put("gate", r.name());
    row.put("query", r.query());
    row.put("comparison", r.gate() == null ? null : r.gate().comparison().name());
    row.put("threshold", r.gate() == null ? null : r.gate().threshold());
    row.put("value", jsonValue(r.value()));
    row.put("verdict", r.verdict().label());
    row.put("pastBreachThreshold", r.pastBreachThreshold());
    row.put("error", r.error());
    return row;
  }

  private static Object jsonValue(double value) {
    if (Double.isNaN(value)) {
      return null;
    }
    return Double.isInfinite(value) ? (value > 0 ? "+Inf" : "-Inf") : value;
  }

  private static String value(GateReading r) {
    return r.hasData() ? number(r.value()) : "-";
  }

  private static String threshold(GateSpec gate) {
    if (gate == null) {
      return "-";
    }
    return (gate.comparison() == GateSpec.Comparison.BELOW ? "< " : "≥ ")
        + number(gate.threshold());
  }

  /** Four significant digits, never in exponent notation; Prometheus' spelling of infinities. */
  static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
