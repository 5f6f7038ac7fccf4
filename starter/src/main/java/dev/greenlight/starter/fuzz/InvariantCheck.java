package dev.greenlight.starter.fuzz;

import java.util.List;

/**
 * One safety invariant, checked after the fact against a trace's ground truth. An instance checks
 * one trace and counts what it checked, so a fuzz summary can show that an invariant with no
 * violations was actually exercised (zero checks is not "safe", it is "untested").
 */
public interface InvariantCheck {
  /** The invariant's stable kebab-case name. */
  String invariant();

  /** Checks {@code log}; every violation found, in time order of the events checked. */
  List<Violation> check(TraceLog log);

  /** How many checks (promotions, writes, alerts, …) {@link #check} made so far. */
  long checks();
}
