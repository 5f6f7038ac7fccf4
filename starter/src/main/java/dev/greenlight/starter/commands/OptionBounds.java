package dev.greenlight.starter.commands;

import picocli.CommandLine;

/**
 * The bounds of the commands' numeric options and parameters, in one wording: checked before
 * anything is read or written, a value out of bounds exits 2 naming the option, the rule and the
 * value.
 */
final class OptionBounds {
  private OptionBounds() {}

  /** A count that may be zero: rows to seed, re-runs to spend, an id to resume after. */
  static void requireZeroOrMore(CommandLine cli, String option, long value) {
    if (value < 0) {
      throw new CommandLine.ParameterException(cli, option + " must be 0 or more but was " + value);
    }
  }

  /** A count that must be positive: traces, lanes, refreshes. */
  static void requireAtLeastOne(CommandLine cli, String option, long value) {
    if (value < 1) {
      throw new CommandLine.ParameterException(
          cli, option + " must be at least 1 but was " + value);
    }
  }

  /** A value with both bounds, inclusive: a port, a percentage, a number of days. */
  static void requireBetween(CommandLine cli, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(
          cli, option + " must be between " + min + " and " + max + " but was " + value);
    }
  }
}
