package dev.greenlight.starter.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the oracle found in one trace, or in many merged: the violations, and per invariant how many
 * checks were made — the fuzz summary's {@code violations} and {@code checks}.
 *
 * @param violations every violation, in the order found
 * @param checks invariant name to checks made; every invariant present, in a stable order
 */
public record OracleReport(List<Violation> violations, Map<String, Long> checks) {
  public OracleReport {
    violations = List.copyOf(violations);
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
  }

  /** No violations and no checks, every invariant listed: the start of a merge. */
  public static OracleReport empty() {
    Map<String, Long> checks = new LinkedHashMap<>();
    InvariantOracle.INVARIANTS.forEach(name -> checks.put(name, 0L));
    return new OracleReport(List.of(), checks);
  }

  /** Whether no invariant was violated. */
  public boolean clean() {
    return violations.isEmpty();
  }

  /** This report and {@code other} together: violations appended, checks summed. */
  public OracleReport merge(OracleReport other) {
    List<Violation> all = new ArrayList<>(violations);
    all.addAll(other.violations);
    Map<String, Long> sum = new LinkedHashMap<>(checks);
    other.checks.forEach((name, n) -> sum.merge(name, n, Long::sum));
    return new OracleReport(all, sum);
  }
}
