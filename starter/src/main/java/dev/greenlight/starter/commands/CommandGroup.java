package dev.greenlight.starter.commands;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code plan}, {@code mode}, {@code stage}): run alone it
 * is bad input (exit 2), and the error lists the subcommands picocli registered, so the message
 * cannot drift from the {@code subcommands} attribute.
 */
abstract class CommandGroup implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public final void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a " + spec.name() + " command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
