package dev.greenlight.starter.commands;

import picocli.CommandLine;

/**
 * Where a command turns a value parser's refusal into bad input: the parsers the commands call
 * (modes, durations, backup formats, webhook and Redis settings) throw {@link
 * IllegalArgumentException} with a message naming the value and the rule, and the CLI reports that
 * as a picocli {@code ParameterException} (exit 2, nothing done) rather than a failure (exit 1).
 */
final class BadInput {
  private BadInput() {}

  /** A parse that may refuse its input; some also do I/O, hence the checked exception. */
  @FunctionalInterface
  interface Parse<T, E extends Exception> {
    T get() throws E;
  }

  /** The parsed value, or exit 2 with the parser's message, which names the setting itself. */
  static <T, E extends Exception> T parse(CommandLine cli, Parse<T, E> parse) throws E {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }

  /** The parsed value, or exit 2 with "{@code what}: " before the parser's message. */
  static <T, E extends Exception> T parse(CommandLine cli, String what, Parse<T, E> parse)
      throws E {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, what + ": " + e.getMessage());
    }
  }
}
