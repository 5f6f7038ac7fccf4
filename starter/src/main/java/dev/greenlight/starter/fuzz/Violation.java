package dev.greenlight.starter.fuzz;

/**
 * One breach of a safety invariant found in a trace.
 *
 * @param invariant the invariant's stable kebab-case name (a JSON key of the fuzz summary)
 * @param atMillis the simulated time of the event that broke it
 * @param detail what happened, with the numbers, so a reader needs no debugger
 */
public record Violation(String invariant, long atMillis, String detail) {}
